#!/usr/bin/env python3
"""make_excel_quirks.py OUT.xlsx - a workbook written part by part the way
Excel (Microsoft 365, Windows) writes one, with the quirks other writers
rarely produce: markup-compatibility namespaces and x14ac attributes, a
shared formula (item numbers as =A2+1 filled down) whose cells hold only the
cached value, shared strings with rich-text runs and phonetic (furigana)
runs, "_x000D_" for a carriage return, xml:space="preserve", an inline
string, a date typed into a cell with a built-in date format (14), a
percent format, <dimension>, <sheetViews> and <extLst> elements, and a
calcChain part. Standard-library Python; the output is reproducible (fixed
zip timestamps)."""
import sys
import zipfile

NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'mc:Ignorable="x14ac xr xr2 xr3" '
      'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
      'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"')
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

# shared strings: plain, rich text with phonetic runs, _x000D_, preserved spaces
SST = [
    '<si><t>項番</t></si>',
    '<si><t>項目名</t></si>',
    '<si><t>回答</t></si>',
    '<si><t>サービス時間</t><rPh sb="0" eb="3"><t>サービスジカン</t></rPh>'
    '<phoneticPr fontId="1"/></si>',
    '<si><r><rPr><b/><sz val="11"/><rFont val="游ゴシック"/></rPr><t>【有】</t></r>'
    '<r><rPr><sz val="11"/><rFont val="游ゴシック"/></rPr><t xml:space="preserve"> 1週間前に</t></r>'
    '<r><rPr><sz val="11"/><color rgb="FFFF0000"/></rPr><t>メールで通知</t></r></si>',
    '<si><t>計画停止予定通知</t><rPh sb="0" eb="4"><t>ケイカクテイシ</t></rPh></si>',
    '<si><t>24時間365日_x000D_\n（計画停止を除く）</t></si>',
    '<si><t>稼働率</t></si>',
    '<si><t>記入日</t></si>',
]


def cell_s(ref, k, style=None):
    s = f' s="{style}"' if style is not None else ''
    return f'<c r="{ref}"{s} t="s"><v>{k}</v></c>'


def sheet():
    rows = [
        '<row r="1" spans="1:3" x14ac:dyDescent="0.4">' + cell_s('A1', 0) + cell_s('B1', 1)
        + cell_s('C1', 2) + '</row>',
        '<row r="2" spans="1:3" x14ac:dyDescent="0.4"><c r="A2"><v>1</v></c>' + cell_s('B2', 3)
        + cell_s('C2', 6) + '</row>',
        # shared formula: the master cell holds the text, the others only si
        '<row r="3" spans="1:3" x14ac:dyDescent="0.4"><c r="A3"><f t="shared" ref="A3:A4" si="0">'
        'A2+1</f><v>2</v></c>' + cell_s('B3', 5) + cell_s('C3', 4) + '</row>',
        '<row r="4" spans="1:3" ht="37.5" customHeight="1" x14ac:dyDescent="0.4"><c r="A4">'
        '<f t="shared" si="0"/><v>3</v></c><c r="B4" t="inlineStr"><is><t>サービス提供終了時の事前通知'
        '</t></is></c><c r="C4" t="inlineStr"><is><r><t>【無】</t></r></is></c></row>',
        '<row r="6" spans="1:3" x14ac:dyDescent="0.4"><c r="A6"><v>5</v></c>' + cell_s('B6', 7)
        + '<c r="C6" s="2"><v>0.9995</v></c></row>',
    ]
    return (HDR + f'<worksheet {NS} xr:uid="{{00000000-0001-0000-0000-000000000000}}">'
            '<dimension ref="A1:C6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
            '<selection activeCell="C6" sqref="C6"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="18.75" x14ac:dyDescent="0.4"/>'
            '<cols><col min="3" max="3" width="40.625" customWidth="1"/></cols>'
            '<sheetData>' + ''.join(rows) + '</sheetData>'
            '<phoneticPr fontId="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
            'header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>'
            '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
            'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
            '<x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>'
            '</ext></extLst></worksheet>')


def cover():
    return (HDR + f'<worksheet {NS}><dimension ref="A1:B1"/><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>8</v></c><c r="B1" s="1"><v>45627</v></c></row>'
            '</sheetData></worksheet>')


PARTS = {
    '[Content_Types].xml': HDR +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    '</Types>',
    '_rels/.rels': HDR +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>',
    'xl/workbook.xml': HDR + f'<workbook {NS}>'
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>'
    '<workbookPr defaultThemeVersion="166925"/>'
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\vendor\\Desktop\\" '
    'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice>'
    '</mc:AlternateContent>'
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="1"/></bookViews>'
    '<sheets><sheet name="表紙" sheetId="2" r:id="rId2"/><sheet name="チェックリスト" sheetId="1" r:id="rId1"/></sheets>'
    '<calcPr calcId="191029"/></workbook>',
    'xl/_rels/workbook.xml.rels': HDR +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>',
    'xl/worksheets/sheet1.xml': sheet(),
    'xl/worksheets/sheet2.xml': cover(),
    'xl/worksheets/_rels/sheet1.xml.rels': HDR +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/>'
    '</Relationships>',
    'xl/styles.xml': HDR + f'<styleSheet {NS}>'
    '<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="2"/><charset val="128"/></font>'
    '<font><sz val="6"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '</styleSheet>',
    'xl/sharedStrings.xml': HDR + f'<sst {NS.split(" xmlns:r")[0]} count="{len(SST) + 1}" '
    f'uniqueCount="{len(SST)}">' + ''.join(SST) + '</sst>',
    'xl/calcChain.xml': HDR + '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<c r="A3" i="1"/><c r="A4"/></calcChain>',
    'xl/printerSettings/printerSettings1.bin': '\0' * 64,
}

with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in PARTS.items():
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode('utf-8'))
