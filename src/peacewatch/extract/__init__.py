"""Extract stages: each a pure function ``Document -> Document`` over the parsed body."""
