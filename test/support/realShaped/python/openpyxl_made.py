"""A scoring workbook as openpyxl saves it: the bundled sample loaded and saved by openpyxl (absolute
relationship targets such as /xl/worksheets/sheet1.xml), with a note on a unit sheet, a new sheet holding a
table, and formulas that have no cached values (openpyxl never calculates).

usage: openpyxl_made.py SAMPLE.xlsx OUT.xlsx
"""
import sys

import openpyxl
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo


def main(src, out):
    wb = openpyxl.load_workbook(src)
    an = wb["An Bình"]
    note = Comment("Đề nghị bổ sung biên bản kiểm tra.", "Lê Văn Cường")
    note.width = 220
    note.height = 80
    an["H7"].comment = note

    ws = wb.create_sheet("Theo dõi")
    for row in [("Đơn vị", "Tối đa", "Tự chấm"), ("An Bình", 100, 69), ("Bình Minh", 100, 65.25), ("Cẩm Hà", 100, 69)]:
        ws.append(row)
    ws["D1"] = "Tỷ lệ"
    for r in range(2, 5):
        ws[f"D{r}"] = f"=C{r}/B{r}"
    table = Table(displayName="BangTheoDoi", ref="A1:D4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)

    guide = wb["Hướng dẫn"]
    guide["A4"] = "=SUM('An Bình'!C7:C12)"
    guide["A5"] = "=COUNTA('Theo dõi'!A2:A4)&\" đơn vị\""
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
