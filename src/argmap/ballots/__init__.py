"""Ballots: each student's weights for the claims of one debate, and the class's tally.

A ballot is a small YAML file beside the debates (`ballots/<debate-id>/<name>.yaml`):

    debate: open-data
    by: Ana
    weights:
      reuse: 5
      privacy: 2

A claim the ballot leaves out keeps the author's weight. Ballots never change the debate
file. `argmap.ballots.format` reads and checks them (every problem a `Diagnostic` with a
line and column), `argmap.ballots.blank` writes a blank one, `argmap.ballots.tally`
weighs the debate under each ballot and sums up the class.
"""
