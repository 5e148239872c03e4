#!/usr/bin/python3
"""Makes the two committed OLE2 inputs of the bad-input corpus with LibreOffice (run once; output is committed).

    /usr/bin/python3 test/badinput/corpus/make-ole2.py
    # needs soffice and its Python bridge (Debian: libreoffice-calc-nogui, python3-uno)

legacy.xls     an Excel 97-2003 workbook (filter "MS Excel 97"): one small scoring table.
encrypted.xlsx the same table saved as .xlsx with the password "cchc" (ECMA-376 Standard Encryption: an OLE2
               file with EncryptionInfo and EncryptedPackage streams, as Excel 2007 writes it).
The encrypted file needs LibreOffice's UNO bridge, which CI's libreoffice-calc-nogui does not carry, so both are
committed; the .xls is also remade at run time with `soffice --convert-to xls` when soffice is there (corpus.ts).
"""
import os, shutil, signal, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import NamedValue, PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = [
    ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"],
    ["1", "Công tác chỉ đạo, điều hành CCHC", 10, None, None],
    ["1.1", "Ban hành kế hoạch CCHC năm", 1, 1, "QĐ số 11/QĐ-UBND"],
]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    profile = tempfile.mkdtemp(prefix="cchc-lo-")
    pipe = "cchc_corpus_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
                              start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = "An Bình"
        for r, row in enumerate(ROWS):
            for c, v in enumerate(row):
                if v is None:
                    continue
                cell = sheet.getCellByPosition(c, r)
                if isinstance(v, str):
                    cell.String = v
                else:
                    cell.Value = v
        url = lambda name: uno.systemPathToFileUrl(os.path.join(HERE, name))
        doc.storeToURL(url("legacy.xls"), (prop("FilterName", "MS Excel 97"),))
        # OOXML export encrypts when the media descriptor's EncryptionData holds "OOXPassword" (oox
        # XmlFilterBase::implFinalizeExport). The default Agile engine fails headless in LibreOffice 7.4 (an I/O
        # error on store); "CryptoType": "Standard" selects ECMA-376 Standard Encryption, as Excel 2007 writes it.
        def named(name, value):
            v = NamedValue()
            v.Name, v.Value = name, value
            return v
        encryption = uno.Any("[]com.sun.star.beans.NamedValue", (named("OOXPassword", "cchc"), named("CryptoType", "Standard")))
        args = (prop("FilterName", "Calc MS Excel 2007 XML"), PropertyValue("EncryptionData", 0, encryption, 0))
        uno.invoke(doc, "storeToURL", (url("encrypted.xlsx"), args))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        # soffice forks soffice.bin in its own process group: end that group, then drop the profile.
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(office.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    shutil.rmtree(profile, ignore_errors=True)
    for name in ("legacy.xls", "encrypted.xlsx"):
        print(name, os.path.getsize(os.path.join(HERE, name)), "bytes")


if __name__ == "__main__":
    main()
