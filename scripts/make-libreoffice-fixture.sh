#!/bin/sh
# The workbook fixture saved by real spreadsheet software (issue 12, item 4):
# LibreOffice Calc (Debian's libreoffice-calc-nogui) opens the bureau-style CSV
# (a title row, 序号/指标/计量单位/地区/2022年/2023年, notes below) and saves it
# as Excel 2007+ .xlsx, as a user of Calc would with File → Save As.
# usage: sh scripts/make-libreoffice-fixture.sh   (writes tests/fixtures/workbook/bureau.xlsx)
# CSV filter options: comma (44), double quote (34), UTF-8 (76), from line 1.
set -eu
dir=$(cd "$(dirname "$0")/../tests/fixtures/workbook" && pwd)
profile=$(mktemp -d)
soffice -env:UserInstallation="file://$profile" --headless \
  --infilter='CSV:44,34,76,1' --convert-to 'xlsx:Calc MS Excel 2007 XML' \
  --outdir "$dir" "$dir/bureau.csv"
rm -rf "$profile"
