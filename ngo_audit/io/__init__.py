"""Reading and writing spreadsheets: importing subjects, exporting lists."""
