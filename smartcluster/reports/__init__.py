"""The files people download, for every app: tables (`tables`), XLSX and CSV (`workbooks`), DOCX (`documents`),
chart images (`charts`) and the HTTP response that carries them (`responses`). Only this package writes
spreadsheets, Word documents or chart images; apps compose their downloads in `<app>/exports.py`."""
