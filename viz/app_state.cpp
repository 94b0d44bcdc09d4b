// Placeholder: the viewer's application state lands with the viewer work.
