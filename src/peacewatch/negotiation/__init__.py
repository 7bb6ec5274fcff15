"""The negotiation track: rounds, issues, positions, commitments and agreements.

- ``article``: one Document -> its ``negotiation`` record (the pipeline stage);
- ``context``: sentences and who a phrase stands for; ``speakers``: who is speaking and which
  side a statement is made for; ``cues``: the stance word governing an issue; ``positions``,
  ``rounds`` (with ``round_when``: date, tense, denial; ``round_merge``: one Round per place),
  ``agreements``: the rules for each
  part; lexicons/issues.json and stances.json their words;
- ``track``, ``linking`` (a round seated by one report and placed by another), ``corpus`` and
  ``brief``/``render``: the track across many Documents (merged rounds, positions over time,
  what moved between rounds) and its brief, as pure functions.
"""

from peacewatch.negotiation.article import extract_negotiation

__all__ = ["extract_negotiation"]
