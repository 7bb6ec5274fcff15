"""The ZSP error lines read the dev half only and count by the pair coder's tier."""

from __future__ import annotations

from peacewatch.eval.events_zsp import dev_error_lines, dev_rows


def test_dev_error_lines_count_dev_rows_only() -> None:
    n = 40
    dev = dev_rows(n)
    gold = ["AGREE"] * n
    # Every dev row: rules say SUPPORT on the trigger tier and the shipped coder keeps it;
    # every held-out row is a different confusion that must not be reported.
    coded = [
        ("SUPPORT", "AGREE", "SUPPORT", "trigger") if i in dev else ("ASSAULT",) * 3 + ("word",)
        for i in range(n)
    ]
    coded[min(dev)] = ("REJECT", "AGREE", "AGREE", "default")
    lines = dev_error_lines(gold, coded)
    text = "\n".join(lines)
    assert "ASSAULT" not in text and "word" not in text
    tiers = {ln.split()[0]: [int(x) for x in ln.split()[1:]] for ln in lines[1:-1]}
    assert tiers == {"trigger": [len(dev) - 1, 0, 0], "default": [1, 0, 1]}
    assert lines[-1].endswith(f"AGREE->SUPPORT {len(dev) - 1}")
