"""Knowledge base: FAQ articles and standard responses per program, versioned, approved with a
Part 11 signature by a second person, and searched offline (BM25) by the chat bot, the IVR and
agents' suggestions. Only approved versions are ever served."""
