"""Writes a workbook the way openpyxl does, from a JSON description (see test/support/otherPrograms.ts).

    /usr/bin/python3 openpyxl_book.py SPEC.json OUT.xlsx

openpyxl writes formulas without calculated values, relationship targets as absolute part names
("/xl/worksheets/sheet1.xml"), notes as xl/comments/comment1.xml, tables without style information unless
one is given, and <calcPr fullCalcOnLoad="1">.
"""
import json
import sys

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table


def main(spec_path, out_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                if isinstance(cell, dict):
                    ws.cell(row=r, column=c, value="=" + cell["f"])
                else:
                    ws.cell(row=r, column=c, value=cell)
        for note in sheet.get("notes", []):
            ws[note["cell"]].comment = Comment(note["text"], note.get("author", "openpyxl"))
        for table in sheet.get("tables", []):
            ws.add_table(Table(displayName=table["name"], ref=table["ref"]))
    wb.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
