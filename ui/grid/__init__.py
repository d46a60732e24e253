"""The grid (网格) editor: city → county/district → township/street, plus special cells."""
