"""The negotiation track: rounds, issues, positions, commitments and agreements.

- ``article``: one Document -> its ``negotiation`` record (the pipeline stage);
- ``context``: sentences, speakers and who a phrase stands for; ``positions``, ``rounds``,
  ``agreements``: the rules for each part; lexicons/issues.json and stances.json their words;
- ``track`` and ``brief``: the track across many Documents (merged rounds, positions over
  time, what moved between rounds) and its Markdown brief, as pure functions.
"""

from peacewatch.negotiation.article import extract_negotiation

__all__ = ["extract_negotiation"]
