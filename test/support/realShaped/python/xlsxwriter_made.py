"""A scoring workbook as XlsxWriter writes it: every sheet of the bundled sample written cell by cell (values
read with openpyxl, merged headers kept), plus on a unit sheet a chart, sparklines and a text box, a sheet with
a table whose last column is calculated, and a formula XlsxWriter stores with the cached value 0.

usage: xlsxwriter_made.py SAMPLE.xlsx OUT.xlsx
"""
import sys

import openpyxl
import xlsxwriter


def main(src, out):
    book = openpyxl.load_workbook(src)
    wb = xlsxwriter.Workbook(out)
    sheets = {}
    for ws in book.worksheets:
        dst = wb.add_worksheet(ws.title)
        sheets[ws.title] = dst
        merged = {}
        for rng in ws.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = rng
        covered = set()
        for rng in merged.values():
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    covered.add((r, c))
        for rng in merged.values():
            value = ws.cell(rng.min_row, rng.min_col).value
            dst.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1, "" if value is None else value)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or (cell.row, cell.column) in covered:
                    continue
                if isinstance(cell.value, str):
                    dst.write_string(cell.row - 1, cell.column - 1, cell.value)
                else:
                    dst.write(cell.row - 1, cell.column - 1, cell.value)

    an = sheets["An Bình"]
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Điểm tự chấm", "categories": "='An Bình'!$A$7:$A$12", "values": "='An Bình'!$E$7:$E$12"})
    chart.set_title({"name": "Lĩnh vực 1"})
    an.insert_chart("J3", chart)
    for r in range(7, 13):
        an.add_sparkline(f"I{r}", {"range": f"'An Bình'!C{r}:G{r}", "markers": True})
    an.insert_textbox("J20", "Người chấm: đã đối chiếu hồ sơ gốc.", {"width": 300, "height": 60})

    track = wb.add_worksheet("Theo dõi")
    track.add_table(
        "A1:D4",
        {
            "name": "BangTheoDoi",
            "data": [["An Bình", 100, 69], ["Bình Minh", 100, 65.25], ["Cẩm Hà", 100, 69]],
            "columns": [
                {"header": "Đơn vị"},
                {"header": "Tối đa"},
                {"header": "Tự chấm"},
                {"header": "Tỷ lệ", "formula": "=[@[Tự chấm]]/[@[Tối đa]]"},
            ],
        },
    )
    guide = sheets["Hướng dẫn"]
    guide.write_formula("A4", "=SUM('An Bình'!C7:C12)")
    pie = wb.add_chart({"type": "pie"})
    pie.add_series({"categories": "='Theo dõi'!$A$2:$A$4", "values": "='Theo dõi'!$C$2:$C$4"})
    guide.insert_chart("C4", pie)
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
