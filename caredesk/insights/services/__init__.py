"""Signal review: candidates from the methods and from agents, their workflow and exports."""
