"""Analysis facts over the front end's records, shared by the graph layer (features and
edges) and the category definitions (`contractml.definitions`).

- `dataflow`: facts within one function: reachability around external calls, def -> use
  edges, where call results and caller input go, sender and authority checks.
- `callgraph`: facts over a file's call graph: which functions read the sender, write
  state or call back a caller, through what they call internally.
- `control`: what a caller of the contract controls through internal calls, answers of
  contracts it names and storage anyone writes.
- `context`: one file's facts, computed once and cached per function.

No torch and no slither here: the records are plain data.
"""
