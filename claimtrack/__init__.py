"""claimtrack: track who said what in conflict reporting."""
