"""Reports: the widgets and dialogs of this area."""
