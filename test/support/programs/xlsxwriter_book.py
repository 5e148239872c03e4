"""Writes a workbook the way XlsxWriter does, from a JSON description (see test/support/otherPrograms.ts).

    /usr/bin/python3 xlsxwriter_book.py SPEC.json OUT.xlsx

XlsxWriter does not calculate: every formula is stored with the result 0, and the workbook carries
<calcPr fullCalcOnLoad="1"> so that Excel recalculates it when opened.
"""
import json
import sys

import xlsxwriter


def main(spec_path, out_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = xlsxwriter.Workbook(out_path)
    for sheet in spec["sheets"]:
        ws = wb.add_worksheet(sheet["name"])
        for r, row in enumerate(sheet["rows"]):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                if isinstance(cell, dict):
                    ws.write_formula(r, c, "=" + cell["f"])
                elif isinstance(cell, bool):
                    ws.write_boolean(r, c, cell)
                elif isinstance(cell, (int, float)):
                    ws.write_number(r, c, cell)
                else:
                    ws.write_string(r, c, cell)
        for note in sheet.get("notes", []):
            ws.write_comment(note["cell"], note["text"])
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
