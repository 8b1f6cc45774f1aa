#!/usr/bin/env python3
"""Regenerates the PDF and PDF-derived text fixtures of `portal-gen import` (issue 14) in pdf/,
then checks them.

    python3 make_pdf_fixtures.py          # write every source, PDF, text and pdf/expected.json, then check
    python3 make_pdf_fixtures.py --check  # only re-read what is in pdf/ and check it

Needs: python-docx, img2pdf (which brings pikepdf and Pillow), soffice (LibreOffice), chromium,
pdftotext / pdftoppm (poppler-utils) and fonts-noto-cjk. Everything is about the made-up county
示例县; the townships are those of portal.yml (this script's sources use 河口镇 高庙乡 柳林镇 王店乡
杨集镇 石桥乡 李寨镇 桃园镇, which make_fixtures.py writes into portal.yml).

What is written into pdf/
-------------------------
For every source S (the two existing fixtures ../chengguan-2024.docx and ../donghu-2023.html,
and the new sources below, which are written into pdf/ themselves):

    S.lo.pdf                 soffice --headless --convert-to pdf S.docx|S.html|S.txt|S.md
    S.chromium.pdf           chromium --headless --print-to-pdf of S.html; of the HTML soffice makes
                             from S.docx; of an HTML rendering of S.md (headings, paragraphs, pipe
                             tables as <table>, no merged cells); of S.txt printed as plain text
    S.KIND.layout.txt        pdftotext -layout S.KIND.pdf   (KIND = lo, chromium, scan)
    S.KIND.raw.txt           pdftotext S.KIND.pdf
    S.flat.txt               the plain text of S on ONE line, as a web crawl stores it: every line
                             break / tab / cell boundary replaced by nothing or by one space (a
                             seeded random mix); a few T3 rows have their figures run together
                             without any separator (see "flat_run_together" in expected)

New sources: wrapped-2024.docx, stacked-2023.html, onefigure-2024.md, damaged-2022.txt,
combinedf-2023.docx, legacy-2015.docx, kangxi-2024.html, and scanned-2021.scan.pdf (a PDF without
a text layer: an HTML report converted by soffice, rasterised with pdftoppm -r 100 -gray -jpeg
(quality 60: a scanner's JPEG, a quarter of the size of PNG) and wrapped back into a PDF with
img2pdf; its HTML is not kept).

soffice converts .html through Writer's HTML import (--infilter="HTML (StarWriter)"): its default
for .html, Writer/Web, drops the first paragraph of a page that starts with its title and prints
an empty first page. .txt and .md go through the "Text (encoded)" UTF-8 import, so the .lo.pdf of
a .md shows the pipes. The HTML soffice makes from a .docx for chromium gets one added rule, every
font "Noto Sans CJK SC": chromium embeds the CFF-based Noto CJK faces as Type 3 fonts (one glyph
program per character and face), and the serif plus bold faces the .docx names made the PDFs
340-370 KB.

Every PDF is rewritten with pikepdf without /CreationDate, /ModDate, XMP and soffice's trailer
/DocChecksum, with an /ID derived from the content and object streams, so regenerating gives the same bytes as far as soffice and chromium
themselves are deterministic (their layout is; font subset tags and object order have been stable
in practice, but no promise is made across tool versions).

pdf/expected.json
-----------------
    {"files":   {"<file in pdf/>": "<source name>", ...},     every file in pdf/ but expected.json
     "sources": {"<source name>": {entry}, ...}}

An entry has the structure of ../expected.json: township, year, format ("2021", "legacy"), title,
t2 / t3 / t4 as row key -> array of strings (null = blank cell, or a cell an exact import must not
fill, see "refuse"), plus:
  refuse               "no_text_layer" (scanned-2021), "unit_mismatch" (onefigure-2024: a cell in
                       元 in the 万元 column); the import must refuse (or ask), not guess
  refuse_cells         which cells, what they say and what the importer must do
  cell_text            cells whose text is more than the figure (annotations, units): the expected
                       figure is in t2/t3/t4, the cell's text here
  t3_variant           "combined_other": （六）其他处理 printed as ONE row, key F (no F1 F2 F3)
  tables               legacy format: the free-form tables, as arrays of rows of strings
  flat_run_together    rows of S.flat.txt whose figures have no separator: digits, how many
                       splits satisfy the row sum (T3-3) alone, how many the whole table (T3-1,
                       T3-2, T3-3 with every other row as expected)
  source               the source file, relative to pdf/
The two existing sources' entries are copied from ../expected.json.

The check (--check, and after generating) verifies, without portal-gen: the arithmetic of every
source (T3-1, T3-2, T3-3, T3-4, T4-1, T2-1); that every figure of the expected tables occurs in the
source's own text; that every figure of every PDF's expected tables occurs among the words of
`pdftotext -bbox-layout` (as a word, or inside a word where two cells' figures touch: both are
counted); that the scanned PDF has no words at all; that the Kangxi PDFs carry Kangxi code points;
that the page-number lines of stacked-2023 lie between T3 rows; that every .txt is what pdftotext
gives now; that each flat run splits as recorded; and that no PDF is over 300 KB.
"""

import datetime
import glob
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'pdf')
sys.path.insert(0, HERE)
import make_fixtures as mf  # noqa: E402  (the row keys, labels, table grids and rules)

T3_KEYS = mf.T3_KEYS
T3_KEYS_COMBINED = T3_KEYS['2019']     # （六）其他处理 as one row F
LABELS = mf.T3_LABELS


# ---------------------------------------------------------------------------------------------
# Data

def s(x):
    return None if x is None else str(x)


def t3_build(keys, results, K, J):
    """results: key -> 6 figures of 自然人 + the five 法人或其他组织 columns (None = blank).
    G is the column sums of the result rows, N = G + J - K (rule T3-1), and every row's 总计 the
    sum of its six cells (T3-3)."""
    res_keys = [k for k in keys if k not in ('N', 'K', 'G', 'J')]
    rows = {k: list(results.get(k, [0] * 6)) for k in res_keys}
    G = [sum(0 if r[c] is None else r[c] for r in rows.values()) for c in range(6)]
    N = [G[c] + J[c] - K[c] for c in range(6)]
    assert min(N) >= 0, N
    rows.update(N=N, K=list(K), G=G, J=list(J))
    out = {}
    for k in keys:
        r = rows[k]
        out[k] = [s(x) for x in r] + [str(sum(0 if x is None else x for x in r))]
    return out


def t2(rules, normative, licensing, penalty, coercion, fees):
    return {'rules': [s(x) for x in rules], 'normative': [s(x) for x in normative],
            'licensing': [s(licensing)], 'penalty': [s(penalty)], 'coercion': [s(coercion)],
            'fees': [s(fees)]}


def t4(R, S, P):
    return {'R': [s(x) for x in R], 'S': [s(x) for x in S], 'P': [s(x) for x in P]}


BL = None   # a blank cell
WRAPPED_BLANK = [BL] * 4
SOURCES = {
    'wrapped-2024': dict(
        file='wrapped-2024.docx', township='河口镇', year=2024, format='2021',
        title='示例县河口镇人民政府2024年政府信息公开工作年度报告',
        t2=t2((1, 0, 3), (4, 2, 17), 63, 9, 2, '12.45'),
        t3=t3_build(T3_KEYS['2021'], {
            'A': [5, 2, 0, 1, 0, 1], 'B': [2, 1, 0, 0, 0, 0],
            'C1': [0] + WRAPPED_BLANK + [0], 'C2': [0] + WRAPPED_BLANK + [0],
            'C3': [1] + WRAPPED_BLANK + [0], 'C4': [2, 1, BL, BL, BL, 1],
            'C5': [0] + WRAPPED_BLANK + [0], 'C6': [1] + WRAPPED_BLANK + [0],
            'C7': [0] + WRAPPED_BLANK + [0], 'C8': [1] + WRAPPED_BLANK + [0],
            'D1': [3, 1, 0, 0, 0, 0], 'D2': [1, 0, 0, 0, 0, 1],
            'E1': [4, 0, 0, 0, 0, 0], 'E2': [1, 0, 0, 0, 0, 0],
            'E3': [0, BL, BL, BL, BL, 0], 'E4': [0, BL, BL, BL, BL, 0],
            'F1': [1, 0, 0, 0, 0, 0], 'F3': [2, 0, 0, 1, 0, 0]},
            K=[2, 1, 0, 0, 0, 0], J=[1, 0, 0, 0, 0, 1]),
        t4=t4([1, 0, 1, 0, 2], [0, 1, 0, 1, 2], [1, 0, 0, 0, 1]),
        flat_fused=['N', 'G']),
    'stacked-2023': dict(
        file='stacked-2023.html', township='石桥乡', year=2023, format='2021',
        title='示例县石桥乡人民政府2023年政府信息公开工作年度报告',
        t2=t2((0, 0, 2), (3, 1, 12), 147, 23, 4, '0.86'),
        t3=t3_build(T3_KEYS['2021'], {
            'A': [14, 3, 1, 0, 2, 1], 'B': [3, 1, 0, 0, 0, 0],
            'C1': [1, 0, 0, 0, 0, 0], 'C3': [0, 1, 0, 0, 0, 0], 'C4': [2, 0, 0, 0, 0, 1],
            'C6': [1, 0, 0, 0, 0, 0], 'D1': [6, 2, 0, 1, 0, 0], 'D2': [2, 0, 0, 0, 0, 0],
            'D3': [1, 0, 0, 0, 0, 0], 'E1': [3, 0, 0, 0, 0, 0], 'E2': [2, 1, 0, 0, 0, 0],
            'E4': [0, 0, 0, 0, 0, 1], 'F1': [1, 0, 0, 0, 0, 0], 'F2': [0, 1, 0, 0, 0, 0],
            'F3': [1, 0, 0, 0, 1, 0]},
            K=[3, 0, 0, 0, 0, 1], J=[2, 1, 0, 0, 0, 0]),
        t4=t4([2, 1, 0, 1, 4], [1, 0, 1, 0, 2], [0, 1, 0, 0, 1]),
        flat_fused=['A', 'D1']),
    'onefigure-2024': dict(
        file='onefigure-2024.md', township='柳林镇', year=2024, format='2021',
        title='示例县柳林镇人民政府2024年政府信息公开工作年度报告',
        t2=t2((0, 1, 5), (22, 3, 41), 58, 6, BL, BL),
        t3=t3_build(T3_KEYS['2021'], {
            'A': [7, 2, 0, 0, 1, 0], 'B': [1, 0, 0, 0, 0, 0], 'C4': [1, 1, 0, 0, 0, 0],
            'D1': [2, 0, 0, 0, 0, 1], 'E2': [1, 0, 0, 0, 0, 0], 'F3': [0, 0, 1, 0, 0, 0]},
            K=[1, 0, 0, 0, 0, 0], J=[0, 1, 0, 0, 0, 0]),
        t4=t4([1, 1, 0, 0, 2], [0, 0, 0, 1, 1], [1, 0, 0, 0, 1]),
        cell_text={'t2.normative.0': '22（其中修订16件）', 't2.penalty.0': '6件',
                   't2.coercion.0': ''},
        refuse='unit_mismatch',
        refuse_cells={'t2.fees.0': {
            'text': '251000元', 'column_unit': '万元',
            'must': 'not convert silently (251000元 would be 25.1万元): refuse the import or ask; '
                    'never store 251000 as 万元. Every other cell imports as expected; '
                    't2.coercion is a blank cell (null, "not filled"), not 0.'}}),
    'damaged-2022': dict(
        file='damaged-2022.txt', township='王店乡', year=2022, format='2021',
        title='示例县王店乡人民政府2022年政府信息公开工作年度报告',
        t2=t2((0, 0, 1), (2, 0, 9), 31, 5, 1, '1.2'),
        t3=t3_build(T3_KEYS['2021'], {
            'A': [9, 1, 0, 0, 0, 2], 'B': [2, 0, 0, 0, 0, 0], 'C2': [1, 0, 0, 0, 0, 0],
            'C3': [0, 1, 0, 0, 0, 0], 'C5': [1, 0, 0, 0, 0, 0], 'D1': [3, 0, 1, 0, 0, 0],
            'D2': [1, 0, 0, 0, 0, 0], 'E1': [2, 0, 0, 0, 0, 0], 'E5': [1, 0, 0, 0, 0, 0],
            'F1': [1, 0, 0, 0, 0, 0]},
            K=[0, 1, 0, 0, 0, 0], J=[1, 0, 0, 0, 0, 0]),
        t4=t4([0, 1, 1, 0, 2], [1, 0, 0, 0, 1], [0, 0, 0, 1, 1]),
        flat_fused=['D1']),
    'combinedf-2023': dict(
        file='combinedf-2023.docx', township='杨集镇', year=2023, format='2021',
        t3_variant='combined_other',
        title='示例县杨集镇人民政府2023年政府信息公开工作年度报告',
        t2=t2((1, 1, 4), (5, 2, 20), 88, 12, 3, '5.3'),
        t3=t3_build(T3_KEYS_COMBINED, {
            'A': [11, 2, 0, 1, 0, 0], 'B': [2, 0, 0, 0, 0, 1], 'C1': [1, 0, 0, 0, 0, 0],
            'C4': [0, 1, 0, 0, 0, 0], 'D1': [4, 1, 0, 0, 0, 0], 'D3': [1, 0, 0, 0, 0, 0],
            'E2': [2, 0, 0, 0, 0, 0], 'F': [3, 1, 0, 0, 1, 0]},
            K=[2, 0, 0, 0, 0, 0], J=[1, 0, 0, 0, 0, 1]),
        t4=t4([1, 0, 1, 0, 2], [0, 0, 0, 1, 1], [1, 0, 0, 0, 1]),
        flat_fused=['F']),
    'legacy-2015': dict(
        file='legacy-2015.docx', township='高庙乡', year=2015, format='legacy',
        title='示例县高庙乡人民政府2015年政府信息公开工作年度报告',
        tables=[
            {'caption': '表1 主动公开信息分类统计',
             'rows': [['类别', '条数'], ['机构职能', '8'], ['政策法规', '15'], ['规划计划', '6'],
                      ['人事信息', '4'], ['财政预决算', '11'], ['其他', '23'], ['合计', '67']]},
            {'caption': '表2 依申请公开情况统计',
             'rows': [['申请总数', '已答复', '同意公开', '部分公开', '不予公开', '信息不存在'],
                      ['5', '5', '3', '1', '0', '1']]},
        ]),
    'kangxi-2024': dict(
        file='kangxi-2024.html', township='桃园镇', year=2024, format='2021',
        title='示例县桃园镇人民政府2024年政府信息公开工作年度报告',
        t2=t2((0, 0, 1), (1, 1, 8), 26, 7, 1, '3.6'),
        t3=t3_build(T3_KEYS['2021'], {
            'A': [6, 1, 0, 0, 0, 1], 'B': [1, 0, 0, 0, 0, 0], 'C3': [1, 0, 0, 0, 0, 0],
            'D1': [2, 1, 0, 0, 0, 0], 'E1': [1, 0, 0, 0, 0, 0], 'F2': [0, 0, 0, 0, 0, 1]},
            K=[1, 0, 0, 0, 0, 0], J=[1, 0, 0, 0, 0, 0]),
        t4=t4([1, 0, 0, 1, 2], [0, 1, 0, 0, 1], [0, 0, 1, 0, 1]),
        cell_text={'t2.fees.0': '3.6万元'},
        note='Title, headings, labels and narrative use Kangxi radicals (U+2F00 block) where the '
             'character has one (NFKC maps them back); expected text is in normal characters.'),
    'scanned-2021': dict(
        file=None, township='李寨镇', year=2021, format='2021',
        title='示例县李寨镇人民政府2021年政府信息公开工作年度报告',
        t2=t2((0, 0, 0), (1, 0, 4), 17, 2, 0, '0'),
        t3=t3_build(T3_KEYS['2021'], {'A': [2, 0, 0, 0, 0, 0], 'D1': [1, 0, 0, 0, 0, 0]},
                    K=[0] * 6, J=[0] * 6),
        t4=t4([0] * 5, [0] * 5, [0] * 5),
        refuse='no_text_layer',
        note='Image-only PDF (rasterised at 100 dpi). An exact import must refuse it (no OCR); '
             't2/t3/t4 are what the page shows, for reference only.'),
}
EXISTING = {'chengguan-2024': 'chengguan-2024.docx', 'donghu-2023': 'donghu-2023.html'}
EXISTING_FLAT_FUSED = {'chengguan-2024': ['N'], 'donghu-2023': []}

KANGXI = {}
for _cp in range(0x2F00, 0x2FD6):
    KANGXI.setdefault(unicodedata.normalize('NFKC', chr(_cp)), chr(_cp))


def kangxi(text):
    return ''.join(KANGXI.get(c, c) for c in text)


# ---------------------------------------------------------------------------------------------
# Shared text pieces

H2, H3, H4, H5, H6 = mf.H2, mf.H3, mf.H4, mf.H5, mf.H6


def shown(table):
    return mf.shown_of(table)


def narrative(rep, short):
    """Two or three small paragraphs for section 一 (N-1: the narrative count is N's total)."""
    t3 = rep['t3']
    n, a = t3['N'][6], t3['A'][6]
    return [
        '%d年，%s严格落实《中华人民共和国政府信息公开条例》，通过示例县人民政府门户网站%s专栏'
        '和政务公开栏主动公开政府信息。' % (rep['year'], rep['township'], rep['township']),
        '全年共收到政府信息公开申请%s件，上年结转%s件，予以公开%s件，均在法定期限内答复。'
        % (n, t3['K'][6], a),
    ] + ([] if short else ['镇党政综合办公室落实信息发布“三审”制度，专人负责信息的收集、审核和发布。'])


def tail_paras(rep):
    return [(H5, '主要问题是政策解读形式较为单一。%d年将增加图解、问答等解读形式，并按月检查栏目更新。'
             % (rep['year'] + 1)),
            (H6, '本年度未收取信息处理费。')]


# ---------------------------------------------------------------------------------------------
# Plain-text blocks (for the flat fixtures): ('p', text) or ('row', key, [cells])

def grid_blocks(grid, keys_by_row=None):
    out = []
    for i, r in enumerate(grid):
        key = keys_by_row.get(i) if keys_by_row else None
        out.append(('row', key, [c.text for _, c in r]))
    return out


def t3_row_keys(grid, fmt_keys):
    """Grid row index -> T3 key, for the data rows (those after the three header rows)."""
    return {3 + i: k for i, k in enumerate(fmt_keys)}


def flat_text(blocks, seed, fused=()):
    """One line: between blocks and between the cells of a row, nothing or a space. T3 rows in
    `fused` get no separator at all between their figures; the other T3 rows one space."""
    rng = random.Random(seed)
    parts = []
    for b in blocks:
        if parts:
            parts.append(rng.choice(['', ' ']))
        if b[0] == 'p':
            parts.append(b[1])
            continue
        _, key, cells = b
        if key is None:
            sep = rng.choice(['', ' '])
            num = [re.fullmatch(r'\d+(\.\d+)?', c) is not None for c in cells]
            if any(num[i] and num[i + 1] and (len(cells[i]) > 1 or len(cells[i + 1]) > 1)
                   for i in range(len(cells) - 1)):
                sep = ' '       # only runs of one-digit figures are fused outside T3 (unique)
            parts.append(sep.join(cells))
        else:
            labels = [c for c in cells[:-7]]
            figs = cells[-7:]
            lab = rng.choice(['', ' ']).join(labels)
            if key in fused:
                parts.append(lab + ''.join(figs))
            else:
                parts.append(lab + ' ' + ' '.join(figs))
    return ''.join(parts)


def flat_of_text(text, seed):
    rng = random.Random(seed)
    text = text.strip('\n')
    return re.sub(r'[\n\t]+', lambda m: rng.choice(['', ' ']), text)


# ---------------------------------------------------------------------------------------------
# .docx

def save_docx(d, path, stamp):
    buf = io.BytesIO()
    d.save(buf)
    drop = ('docProps/thumbnail.jpeg', 'word/stylesWithEffects.xml')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, \
            zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if info.filename.endswith('.rels') or info.filename == '[Content_Types].xml':
                x = data.decode('utf-8')
                for part in drop:
                    x = re.sub(r'<Relationship [^>]*Target="[^"]*%s"/>'
                               % re.escape(part.split('/')[-1]), '', x)
                    x = re.sub(r'<Override PartName="/%s"[^>]*/>' % re.escape(part), '', x)
                x = x.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', '')
                data = x.encode('utf-8')
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, 'wb') as f:
        f.write(out.getvalue())


class Docx:
    def __init__(self, rep, organ_date):
        import docx
        from docx.oxml.ns import qn
        from docx.shared import Pt, Cm
        self.docx, self.qn, self.Pt, self.Cm = docx, qn, Pt, Cm
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        self.CENTER = WD_ALIGN_PARAGRAPH.CENTER
        d = self.d = docx.Document()
        sec = d.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.6)
        sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
        normal = d.styles['Normal']
        normal.font.size = Pt(12)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), '宋体')
        cp = d.core_properties
        cp.author = cp.last_modified_by = rep['township']
        cp.title = rep['title']
        cp.created = cp.modified = organ_date
        cp.revision = 1
        self.blocks = [('p', rep['title'])]
        p = d.add_paragraph()
        p.alignment = self.CENTER
        r = p.add_run(rep['title'])
        r.bold = True
        r.font.size = Pt(18)

    def footer_page_number(self):
        """A centred footer '- N -' with Word's PAGE field."""
        from docx.oxml import OxmlElement
        p = self.d.sections[0].footer.paragraphs[0]
        p.alignment = self.CENTER
        p.add_run('- ')
        fld = OxmlElement('w:fldSimple')
        fld.set(self.qn('w:instr'), 'PAGE')
        r = OxmlElement('w:r')
        t = OxmlElement('w:t')
        t.text = '1'
        r.append(t)
        fld.append(r)
        p._p.append(fld)
        p.add_run(' -')

    def heading(self, text, level=1):
        self.d.add_heading(text, level=level)
        self.blocks.append(('p', text))

    def para(self, text):
        self.d.add_paragraph(text).paragraph_format.first_line_indent = self.Pt(24)
        self.blocks.append(('p', text))

    def table(self, grid, width, widths_cm=None, font_pt=9, valign=None, row_keys=None):
        """valign: function(row index) -> 'top' | 'center' | 'bottom' for the figure cells."""
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT as VA
        t = self.d.add_table(rows=len(grid), cols=width)
        t.style = 'Table Grid'
        if widths_cm:
            t.autofit = False
            for i, w in enumerate(widths_cm):
                t.columns[i].width = self.Cm(w)
                for c in t.columns[i].cells:
                    c.width = self.Cm(w)
        for ri, rr in enumerate(grid):
            for c, cell in rr:
                tc = t.cell(ri, c)
                if cell.rs > 1 or cell.cs > 1:
                    tc = tc.merge(t.cell(ri + cell.rs - 1, c + cell.cs - 1))
                tc.text = cell.text
                tc.paragraphs[0].alignment = self.CENTER
                for run in tc.paragraphs[0].runs:
                    run.font.size = self.Pt(font_pt)
                if not cell.head and valign:
                    tc.vertical_alignment = {'top': VA.TOP, 'center': VA.CENTER,
                                             'bottom': VA.BOTTOM}[valign(ri)]
        self.blocks += grid_blocks(grid, row_keys)
        return t

    def save(self, path, stamp):
        save_docx(self.d, path, stamp)


def make_wrapped(path):
    rep = SOURCES['wrapped-2024']
    doc = Docx(rep, datetime.datetime(2025, 1, 15, 9, 0, 0))
    doc.footer_page_number()
    doc.heading('一、总体情况')
    for p in narrative(rep, short=False):
        doc.para(p)
    doc.heading(H2)
    doc.table(*mf.grid_t2('2021', shown(rep['t2'])), widths_cm=[3.2, 4.0, 4.0, 4.6], font_pt=10.5)
    doc.heading(H3)
    g, w = mf.grid_t3('2021', shown(rep['t3']))
    keys = T3_KEYS['2021']
    rk = t3_row_keys(g, keys)
    # the vertical 三、本年度办理结果: column 0 is one character wide; the item labels (column 2)
    # wrap over 2-3 lines; C rows keep their figures on the first line (top), D/E/F rows in the
    # middle, a few at the bottom.
    def valign(ri):
        k = rk.get(ri, '')
        if k in ('E3', 'E4', 'E5', 'F2'):
            return 'bottom'
        return 'center' if k[:1] in ('D', 'E', 'F') else 'top'
    doc.table(g, w, widths_cm=[0.9, 1.6, 3.0] + [1.3] * 7, font_pt=9, valign=valign, row_keys=rk)
    doc.heading(H4)
    doc.table(*mf.grid_t4(shown(rep['t4'])), font_pt=8, row_keys={})
    for h, p in tail_paras(rep):
        doc.heading(h)
        doc.para(p)
    doc.save(path, (2025, 1, 15, 9, 0, 0))
    return doc.blocks


def make_combinedf(path):
    rep = SOURCES['combinedf-2023']
    doc = Docx(rep, datetime.datetime(2024, 1, 25, 9, 0, 0))
    doc.footer_page_number()
    doc.heading('一、总体情况')
    for p in narrative(rep, short=True):
        doc.para(p)
    doc.heading(H2)
    doc.table(*mf.grid_t2('2021', shown(rep['t2'])), font_pt=10.5)
    doc.heading(H3)
    g, w = mf.grid_t3('2019', shown(rep['t3']))    # the 2019 T3 layout: （六）其他处理 one row
    doc.table(g, w, widths_cm=[1.2, 2.2, 3.6] + [1.3] * 7, font_pt=9,
              row_keys=t3_row_keys(g, T3_KEYS_COMBINED))
    doc.heading(H4)
    doc.table(*mf.grid_t4(shown(rep['t4'])), font_pt=8, row_keys={})
    for h, p in tail_paras(rep):
        doc.heading(h)
        doc.para(p)
    doc.save(path, (2024, 1, 25, 9, 0, 0))
    return doc.blocks


def make_legacy(path):
    rep = SOURCES['legacy-2015']
    doc = Docx(rep, datetime.datetime(2016, 3, 20, 9, 0, 0))
    doc.heading('一、概述')
    doc.para('2015年，高庙乡按照《中华人民共和国政府信息公开条例》和县政府的部署，认真做好政府信息'
             '公开工作。现将本乡2015年政府信息公开工作情况报告如下。')
    doc.heading('二、主动公开政府信息情况')
    doc.para('全年主动公开政府信息67条，其中通过县政府门户网站公开52条，通过乡政务公开栏公开15条。'
             '分类情况见表1。')
    t = rep['tables']
    doc.para(t[0]['caption'])
    g = [[(i, mf.Cell(x)) for i, x in enumerate(r)] for r in t[0]['rows']]
    doc.table(g, 2, widths_cm=[5, 3], font_pt=10.5)
    doc.heading('三、依申请公开政府信息情况')
    doc.para('全年共受理政府信息公开申请5件，均已答复。具体情况见表2。')
    doc.para(t[1]['caption'])
    g = [[(i, mf.Cell(x)) for i, x in enumerate(r)] for r in t[1]['rows']]
    doc.table(g, 6, font_pt=10.5)
    doc.heading('四、政府信息公开的收费及减免情况')
    doc.para('本年度未收取任何费用。')
    doc.heading('五、因政府信息公开申请行政复议、提起行政诉讼的情况')
    doc.para('本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。')
    doc.heading('六、存在的主要问题和改进措施')
    doc.para('信息公开的及时性有待提高。2016年将明确专人负责，做到信息形成后及时公开。')
    doc.save(path, (2016, 3, 20, 9, 0, 0))
    return doc.blocks


# ---------------------------------------------------------------------------------------------
# .html

def split_grid(grid, at):
    """Cut a grid before row `at`; a cell spanning the cut keeps its text above and continues
    as an empty cell below."""
    top, bottom = [list(r) for r in grid[:at]], [list(r) for r in grid[at:]]
    for ri, r in enumerate(grid[:at]):
        for i, (c, cell) in enumerate(r):
            if ri + cell.rs > at:
                top[ri][i] = (c, mf.Cell(cell.text, at - ri, cell.cs, cell.head))
                cont = mf.Cell('', ri + cell.rs - at, cell.cs, cell.head)
                bottom[0].append((c, cont))
                bottom[0].sort(key=lambda x: x[0])
    return top, bottom


def html_table(grid, widths=None, head_html=None, font='"Noto Sans CJK SC"', tx=lambda x: x,
               size='10pt', style=''):
    out = ['<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse;'
           'table-layout:fixed;width:100%%;font-family:%s;font-size:%s;%s">' % (font, size, style)]
    if widths:
        out.append('<colgroup>' + ''.join('<col style="width:%s">' % w for w in widths)
                   + '</colgroup>')
    for r in grid:
        out.append('<tr>')
        for _, cell in r:
            a = ''
            if cell.rs > 1:
                a += ' rowspan="%d"' % cell.rs
            if cell.cs > 1:
                a += ' colspan="%d"' % cell.cs
            text = (head_html or {}).get(cell.text) or html.escape(tx(cell.text), quote=False)
            out.append('<td%s style="text-align:center;">%s</td>' % (a, text))
        out.append('</tr>')
    out.append('</table>')
    return '\n'.join(out)


def html_page(title, body, extra_css=''):
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<title>%s</title>\n<style>\n@page { size: A4; margin: 2cm 2cm 2cm 2cm; }\n'
            'body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; }\n'
            'h1 { text-align: center; font-size: 18pt; }\n'
            'p { text-indent: 2em; margin: 0.3em 0; line-height: 1.5; }\n'
            'p.pageno { text-align: center; text-indent: 0; }\n%s</style>\n</head>\n<body>\n%s\n'
            '</body>\n</html>\n' % (title, extra_css, body))


def make_stacked(path):
    rep = SOURCES['stacked-2023']
    blocks = [('p', rep['title'])]
    body = ['<h1>%s</h1>' % rep['title'], '<p><b>一、总体情况</b></p>']
    blocks.append(('p', '一、总体情况'))
    for p in narrative(rep, short=False):
        body.append('<p>%s</p>' % p)
        blocks.append(('p', p))
    body.append('<p><b>%s</b></p>' % H2)
    blocks.append(('p', H2))
    g2, _ = mf.grid_t2('2021', shown(rep['t2']))
    body.append(html_table(g2))
    blocks += grid_blocks(g2)
    body.append('<p><b>%s</b></p>' % H3)
    blocks.append(('p', H3))
    g3, _ = mf.grid_t3('2021', shown(rep['t3']))
    rk = t3_row_keys(g3, T3_KEYS['2021'])
    blocks += grid_blocks(g3, rk)
    # stacked header cells: every organ type over 2-3 lines
    heads = {'商业企业': '商业<br>企业', '科研机构': '科研<br>机构', '社会公益组织': '社会<br>公益<br>组织',
             '法律服务机构': '法律<br>服务<br>机构', '其他': '其<br>他', '自然人': '自<br>然<br>人',
             '总计': '总<br>计', '法人或其他组织': '法人或<br>其他组织', '申请人情况': '申请人<br>情况'}
    widths = ['7%', '11%', '22%'] + ['8.5%'] * 7
    # three pages: the table is cut before C1 and before F1; each page ends with its number
    rest, parts = g3, []
    for key in ('F1', 'C1'):
        rest, tail = split_grid(rest, 3 + T3_KEYS['2021'].index(key))
        parts.insert(0, tail)
    parts.insert(0, rest)
    for i, part in enumerate(parts):
        if i:
            body.append('<p class="pageno">— %d —</p>' % i)
            blocks.append(('p', '— %d —' % i))
        body.append(html_table(part, widths, heads, size='9pt',
                               style='page-break-before:always;' if i else ''))
    body.append('<p><b>%s</b></p>' % H4)
    blocks.append(('p', H4))
    g4, _ = mf.grid_t4(shown(rep['t4']))
    body.append(html_table(g4))
    blocks += grid_blocks(g4)
    for h, p in tail_paras(rep):
        body += ['<p><b>%s</b></p>' % h, '<p>%s</p>' % p]
        blocks += [('p', h), ('p', p)]
    body.append('<p class="pageno">— 3 —</p>')
    blocks.append(('p', '— 3 —'))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(html_page(rep['title'], '\n'.join(body)))
    return blocks


def simple_html_report(rep, tx=lambda x: x, fmt_t3='2021', head_tx=None):
    """A CMS-like article page (used for kangxi-2024 and the scanned source)."""
    blocks = [('p', tx(rep['title']))]
    body = ['<h1>%s</h1>' % tx(rep['title'])]

    def para(text, bold=False):
        body.append('<p>%s</p>' % (('<b>%s</b>' if bold else '%s') % html.escape(tx(text))))
        blocks.append(('p', tx(text)))
    para('一、总体情况', True)
    for p in narrative(rep, short=True):
        para(p)
    para(H2, True)
    g2, _ = mf.grid_t2('2021', shown(rep['t2']))
    body.append(html_table(g2, tx=tx))
    blocks += [(b[0], b[1], [tx(c) for c in b[2]]) for b in grid_blocks(g2)]
    para(H3, True)
    g3, _ = mf.grid_t3(fmt_t3, shown(rep['t3']))
    body.append(html_table(g3, ['8%', '12%', '24%'] + ['8%'] * 7, tx=tx))
    blocks += [(b[0], b[1], [tx(c) for c in b[2]])
               for b in grid_blocks(g3, t3_row_keys(g3, T3_KEYS[fmt_t3]))]
    para(H4, True)
    g4, _ = mf.grid_t4(shown(rep['t4']))
    body.append(html_table(g4, tx=tx))
    blocks += [(b[0], b[1], [tx(c) for c in b[2]]) for b in grid_blocks(g4)]
    for h, p in tail_paras(rep):
        para(h, True)
        para(p)
    return html_page(tx(rep['title']), '\n'.join(body)), blocks


def make_kangxi(path):
    rep = dict(SOURCES['kangxi-2024'])
    sh = shown(rep['t2'])
    sh['fees'] = ['3.6万元']
    rep_shown = dict(rep, t2={k: v for k, v in sh.items()})
    page, blocks = simple_html_report(rep_shown, tx=kangxi)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(page)
    return blocks


# ---------------------------------------------------------------------------------------------
# .md, .txt

def md_table(grid, width):
    return mf.piped(mf.text_rows(grid, width))


def make_onefigure(path):
    rep = SOURCES['onefigure-2024']
    y = rep['year']
    lines = ['# ' + rep['title'], '']

    def sec(h, *paras):
        lines.extend(['## ' + h, ''])
        for p in paras:
            lines.extend([p, ''])
    sec('一、总体情况', *narrative(rep, short=True))
    sec(H2, '%d年主动公开政府信息情况详见附表一。' % y)
    sec(H3, '收到和处理政府信息公开申请情况详见附表二。')
    sec(H4, '政府信息公开行政复议、行政诉讼情况详见附表三。')
    sec(H5, '主要问题是信息发布不够及时。%d年将建立信息发布台账。' % (y + 1))
    sec(H6, '本年度未收取信息处理费。')
    lines.extend(['## 附表', ''])
    # T2: one figure per row, no padding cells for the merged columns
    lines += ['### 一、主动公开政府信息情况', '',
              '| 第二十条第（一）项 | | | |', '|---|---|---|---|',
              '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
              '| 规章 | 0 | 1 | 5 |',
              '| 行政规范性文件 | 22（其中修订16件） | 3 | 41 |', '',
              '| 第二十条第（五）项 | |', '|---|---|',
              '| 信息内容 | 本年处理决定数量 |',
              '| 行政许可 | 58 |', '',
              '| 第二十条第（六）项 | |', '|---|---|',
              '| 信息内容 | 本年处理决定数量 |',
              '| 行政处罚 | 6件 |',
              '| 行政强制 |  |', '',
              '| 第二十条第（八）项 | |', '|---|---|',
              '| 信息内容 | 本年收费金额（单位：万元） |',
              '| 行政事业性收费 | 251000元 |', '']
    lines += ['### 二、收到和处理政府信息公开申请情况', '']
    lines += md_table(*mf.grid_t3('2021', shown(rep['t3']))) + ['']
    lines += ['### 三、政府信息公开行政复议、行政诉讼情况', '']
    lines += md_table(*mf.grid_t4(shown(rep['t4']))) + ['']
    text = '\n'.join(lines)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return text


DAMAGE = {   # label -> as extraction left it (still unambiguous)
    '2.其他法律行政法规禁止公开': '2.其他法律行政止公开',
    '3.危及“三安全一稳定”': '3.危及三安全一稳',
    '6.属于四类过程性信息': '6.属于四类过程信息',
    '2.没有现成信息需要另行制作': '2.没有现成信息需要另行制',
    '5.要求行政机关确认或重新出具已获取信息': '5.要求行政机关确认或重新出具已获取',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '（二）部分公开（区分处理的，只计这一情形，不计其他情',
}


def pad(text, width):
    """Left-justify to a display width (CJK = 2 columns)."""
    w = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in text)
    return text + ' ' * max(1, width - w)


def make_damaged(path):
    rep = SOURCES['damaged-2022']
    out = [rep['title'], '', '一、总体情况', '']
    for p in narrative(rep, short=True):
        out += [p, '']
    out += [H2, '']
    for r in mf.text_rows(*mf.grid_t2('2021', shown(rep['t2']))):
        out.append(''.join(pad(c, 18) for c in r).rstrip())
    out += ['', H3, '']
    # header, as pdftotext -layout leaves it: the organ names split over two lines
    out += ['（本列数据的勾稽关系为：第一项加第二项之和，   申请人情况',
            '等于第三项加第四项之和）                     自然人  法人或其他组织                      总计',
            '                                                     商业企  科研机  社会公  法律服  其他',
            '                                                     业      构      益组织  务机构']
    t3 = shown(rep['t3'])
    for k in T3_KEYS['2021']:
        lab = LABELS[k]
        lab = DAMAGE.get(lab, lab)
        if k == 'A':
            lab = '三、本年度办理结果  ' + lab
        elif k in ('C1', 'D1', 'E1', 'F1'):
            lab = LABELS[k[0] + 'g'] + ' ' + lab
        figs = ''.join(pad(x, 8) for x in t3[k]).rstrip()
        out.append(pad(lab, 46) + '       ' + figs)
    out += ['', H4, '']
    for r in mf.text_rows(*mf.grid_t4(shown(rep['t4']))):
        out.append(' '.join(pad(c, 8) for c in r).rstrip())
    out += ['']
    for h, p in tail_paras(rep):
        out += [h, '', p, '']
    text = '\n'.join(out)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return text


def md_to_html(text, title):
    body = []
    rows = []

    def flush():
        if rows:
            body.append('<table border="1" cellspacing="0" cellpadding="3" '
                        'style="border-collapse:collapse;width:100%;font-size:10pt;">')
            for r in rows:
                body.append('<tr>' + ''.join('<td>%s</td>' % html.escape(c) for c in r) + '</tr>')
            body.append('</table>')
            rows.clear()
    for line in text.split('\n'):
        if line.startswith('|'):
            if re.fullmatch(r'\|(-+\|)+', line.strip()):
                continue
            rows.append([c.strip() for c in line.strip().strip('|').split('|')])
            continue
        flush()
        m = re.match(r'^(#+) (.*)', line)
        if m:
            n = len(m.group(1))
            body.append('<h%d>%s</h%d>' % (n, html.escape(m.group(2)), n))
        elif line.strip():
            body.append('<p>%s</p>' % html.escape(line))
    flush()
    return html_page(title, '\n'.join(body), 'h2 { font-size: 14pt; } h3 { font-size: 12pt; }\n')


# ---------------------------------------------------------------------------------------------
# Conversions

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.exit('failed: %s\n%s' % (' '.join(cmd), r.stderr.decode('utf-8', 'replace')))
    return r.stdout


class Tools:
    def __init__(self, tmp):
        self.tmp = tmp
        self.profile = 'file://' + os.path.join(tmp, 'lo-profile')

    def soffice(self, src, fmt, outdir, infilter=None):
        cmd = ['soffice', '-env:UserInstallation=' + self.profile, '--headless']
        if src.endswith('.html') and fmt == 'pdf':
            # Writer/Web (the default for .html) loses the first paragraph of these pages and
            # prints an empty first page; Writer's own HTML import does not.
            infilter, fmt = 'HTML (StarWriter)', 'pdf:writer_pdf_Export'
        if infilter:
            cmd.append('--infilter=' + infilter)
        cmd += ['--convert-to', fmt, '--outdir', outdir, src]
        run(cmd)
        base = os.path.splitext(os.path.basename(src))[0]
        ext = fmt.split(':')[0]
        out = os.path.join(outdir, base + '.' + ext)
        assert os.path.exists(out), out
        return out

    def chromium(self, src, pdf):
        run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
             '--no-first-run', '--user-data-dir=' + os.path.join(self.tmp, 'chromium'),
             '--print-to-pdf=' + pdf, 'file://' + os.path.abspath(src)])
        assert os.path.exists(pdf), pdf


def normalize_pdf(path):
    import pikepdf
    with pikepdf.open(path, allow_overwriting_input=True) as p:
        for k in ('/CreationDate', '/ModDate'):
            if k in p.docinfo:
                del p.docinfo[k]
        if '/Metadata' in p.Root:
            del p.Root['/Metadata']
        for k in ('/ID', '/DocChecksum'):     # soffice's are random / depend on the time
            if k in p.trailer:
                del p.trailer[k]          # qpdf then derives the /ID from the content
        p.save(path, deterministic_id=True, compress_streams=True,
               object_stream_mode=pikepdf.ObjectStreamMode.generate)


def pdftotext(pdf, layout):
    return run(['pdftotext'] + (['-layout'] if layout else []) + [pdf, '-']).decode('utf-8')


def write_texts(pdf):
    base = pdf[:-4]
    for kind, layout in (('layout', True), ('raw', False)):
        with open('%s.%s.txt' % (base, kind), 'w', encoding='utf-8') as f:
            f.write(pdftotext(pdf, layout))


def make_scanned(tools, tmp):
    rep = SOURCES['scanned-2021']
    page, _ = simple_html_report(rep)
    src = os.path.join(tmp, 'scanned-2021.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(page)
    pdf = tools.soffice(src, 'pdf', tmp)
    run(['pdftoppm', '-r', '100', '-gray', '-jpeg', '-jpegopt', 'quality=60', pdf,
         os.path.join(tmp, 'scan')])
    pngs = sorted(glob.glob(os.path.join(tmp, 'scan*.jpg')))
    import img2pdf
    out = os.path.join(OUT, 'scanned-2021.scan.pdf')
    with open(out, 'wb') as f:
        f.write(img2pdf.convert(pngs, nodate=True,
                                layout_fun=img2pdf.get_fixed_dpi_layout_fun((100, 100))))
    normalize_pdf(out)
    write_texts(out)


# ---------------------------------------------------------------------------------------------
# Flat run-together rows: how many splits does arithmetic allow?

def t3_keys_of(e):
    return list(e['t3'])


def run_info(e, key):
    """digits of row `key` run together; splits satisfying T3-3 alone, and the whole table."""
    row = e['t3'][key]
    assert None not in row, key
    digits = ''.join(row)
    by_row = mf.splits(digits)
    by_table = []
    for cand in by_row:
        t = dict(e['t3'])
        t[key] = list(cand)
        if not mf.t3_findings(t):
            by_table.append(cand)
    return {'digits': digits, 'splits_by_row_sum': len(by_row), 'splits_by_table': len(by_table)}


# ---------------------------------------------------------------------------------------------
# expected

def entry_of(name):
    rep = SOURCES[name]
    e = {'township': rep['township'], 'year': rep['year'], 'format': rep['format'],
         'title': rep['title']}
    for k in ('t3_variant', 'refuse', 'refuse_cells', 'cell_text', 'note', 'tables'):
        if k in rep:
            e[k] = rep[k]
    if rep['format'] != 'legacy':
        e['t2'], e['t3'], e['t4'] = rep['t2'], rep['t3'], rep['t4']
    e['source'] = rep['file'] if rep['file'] else None
    return e


def dump_json(path, obj):
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    text = re.sub(r'\[\s+([^\[\]{}]*?)\s+\]',
                  lambda m: '[' + re.sub(r',\s+', ', ', m.group(1)) + ']', text)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text + '\n')


# ---------------------------------------------------------------------------------------------
# Generate

def plain_blocks_existing(name):
    """Plain-text blocks of the two existing fixtures, read back from their files."""
    path = os.path.join(HERE, EXISTING[name])
    if path.endswith('.docx'):
        blocks, _, _ = mf.docx_blocks(path)
    else:
        hp = mf.HtmlBlocks()
        hp.feed(open(path, encoding='utf-8').read())
        blocks = hp.blocks
    out, sec = [], None
    for b in blocks:
        if b[0] == 'p':
            t = b[1].strip()
            if t:
                out.append(('p', t))
            m = re.match(r'^([一二三四五六])、', t)
            if m:
                sec = m.group(1)
        elif b[0] == 't':
            for r in b[1]:
                cells = [mf.norm(c) for c in r]
                key = None
                if sec == '三' and len(cells) >= 8:
                    for k, a in mf.T3_ANCHORS.items():
                        if k in ('F', 'G', 'F3'):
                            continue
                        if any(a in c for c in cells[:-7]):
                            key = k
                            break
                    if any(c == '（七）总计' for c in cells[:-7]):
                        key = 'G'
                    elif any(c == '3.其他' for c in cells[:-7]):
                        key = 'F3'
                out.append(('row', key, cells))
    return out


def generate():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    tmp = tempfile.mkdtemp(prefix='pdf-fixtures-')
    tools = Tools(tmp)
    files, sources = {}, {}
    old = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))

    def add(fn, name):
        files[fn] = name

    def pdfs(name, src, lo_infilter=None, chromium_src=None):
        """lo and chromium PDFs of one source, plus their texts."""
        lo = tools.soffice(src, 'pdf', tmp, infilter=lo_infilter)
        dst = os.path.join(OUT, name + '.lo.pdf')
        shutil.move(lo, dst)
        cdst = os.path.join(OUT, name + '.chromium.pdf')
        tools.chromium(chromium_src or src, cdst)
        for p in (dst, cdst):
            normalize_pdf(p)
            write_texts(p)
            add(os.path.basename(p), name)
            for kind in ('layout', 'raw'):
                add(os.path.basename(p)[:-4] + '.%s.txt' % kind, name)

    def flat(name, text):
        fn = name + '.flat.txt'
        with open(os.path.join(OUT, fn), 'w', encoding='utf-8') as f:
            f.write(text + '\n')
        add(fn, name)

    def docx_html(src):
        d = os.path.join(tmp, 'html-' + os.path.basename(src))
        os.makedirs(d, exist_ok=True)
        out = tools.soffice(src, 'html', d)
        # One sans-serif CJK face: chromium embeds Noto CJK (CFF) as Type 3 fonts, and the
        # serif faces named by the .docx would make the PDF twice as big.
        with open(out, encoding='utf-8') as f:
            page = f.read()
        with open(out, 'w', encoding='utf-8') as f:
            f.write(page.replace('</head>', '<style>* { font-family: "Noto Sans CJK SC" '
                                 '!important; }</style></head>', 1))
        return out

    text_filter = 'Text (encoded):UTF8,LF,,'
    # existing sources
    for name, fn in EXISTING.items():
        src = os.path.join(HERE, fn)
        pdfs(name, src, chromium_src=docx_html(src) if fn.endswith('.docx') else None)
        e = dict(old[fn])
        e['source'] = '../' + fn
        fused = EXISTING_FLAT_FUSED[name]
        if fused:
            e['flat_run_together'] = {k: run_info(e, k) for k in fused}
        sources[name] = e
        flat(name, flat_text(plain_blocks_existing(name), seed=name, fused=fused))
    # new sources
    makers = {'wrapped-2024': make_wrapped, 'stacked-2023': make_stacked,
              'onefigure-2024': make_onefigure, 'damaged-2022': make_damaged,
              'combinedf-2023': make_combinedf, 'legacy-2015': make_legacy,
              'kangxi-2024': make_kangxi}
    for name, maker in makers.items():
        rep = SOURCES[name]
        src = os.path.join(OUT, rep['file'])
        content = maker(src)
        add(rep['file'], name)
        e = entry_of(name)
        if src.endswith('.docx'):
            pdfs(name, src, chromium_src=docx_html(src))
        elif src.endswith('.html'):
            pdfs(name, src)
        elif src.endswith('.md'):
            twin = os.path.join(tmp, name + '.html')
            with open(twin, 'w', encoding='utf-8') as f:
                f.write(md_to_html(content, rep['title']))
            pdfs(name, src, lo_infilter=text_filter, chromium_src=twin)
        else:
            pdfs(name, src, lo_infilter=text_filter)
        fused = rep.get('flat_fused', [])
        if isinstance(content, str):
            text = flat_of_text(content, seed=name)
            for k in fused:      # the text sources: that row's figures lose their separators
                row = e['t3'][k]
                pat = r'\s+'.join(re.escape(x) for x in row)
                text, nsub = re.subn('(' + re.escape(mf.T3_ANCHORS[k]) + r'[^\d]*?)\s*' + pat
                                     + r'(?!\d)', lambda m: m.group(1) + ''.join(row), text, count=1)
                assert nsub == 1, (name, k)
        else:
            text = flat_text(content, seed=name, fused=fused)
        if fused:
            e['flat_run_together'] = {k: run_info(e, k) for k in fused}
        flat(name, text)
        sources[name] = e
    make_scanned(tools, tmp)
    for kind in ('pdf', 'layout.txt', 'raw.txt'):
        add('scanned-2021.scan.' + kind, 'scanned-2021')
    sources['scanned-2021'] = entry_of('scanned-2021')
    sources['scanned-2021']['source'] = 'scanned-2021.scan.pdf'
    dump_json(os.path.join(OUT, 'expected.json'),
              {'files': dict(sorted(files.items())), 'sources': sources})
    shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Check

def nfkc(x):
    return unicodedata.normalize('NFKC', x)


def bbox_words(pdf):
    xml = run(['pdftotext', '-bbox-layout', pdf, '-']).decode('utf-8')
    return [html.unescape(w) for w in re.findall(r'<word [^>]*>(.*?)</word>', xml)]


def figures_of(e):
    out = []
    for tk in ('t2', 't3', 't4'):
        for k, r in (e.get(tk) or {}).items():
            for i, x in enumerate(r):
                if x is not None:
                    out.append(('%s.%s.%d' % (tk, k, i), x))
    for t in e.get('tables', []):
        for r in t['rows']:
            for x in r:
                out.append(('table', x))
    return out


def t2_findings(t2v, fmt):
    bad = []
    for k in mf.T2_KEYS[fmt]:
        if len(t2v[k]) != mf.T2_WIDTH[fmt][k]:
            bad.append('T2 width %s' % k)
        for x in t2v[k]:
            pat = r'\d+(\.\d+)?' if k == 'fees' else r'\d+'
            if x is not None and not re.fullmatch(pat, x):
                bad.append('T2-1 %s %s' % (k, x))
    return bad


def check():
    problems = []
    exp = json.load(open(os.path.join(OUT, 'expected.json'), encoding='utf-8'))
    files, sources = exp['files'], exp['sources']
    on_disk = sorted(f for f in os.listdir(OUT) if f != 'expected.json')
    if on_disk != sorted(files):
        problems.append('files on disk and in expected.json differ: %s'
                        % sorted(set(on_disk) ^ set(files)))
    # 1. arithmetic and the source's own text
    for name, e in sources.items():
        f = []
        if e['format'] != 'legacy':
            keys = T3_KEYS_COMBINED if e.get('t3_variant') == 'combined_other' else T3_KEYS['2021']
            if list(e['t3']) != keys:
                f.append('T3 keys %s' % list(e['t3']))
            f += mf.t3_findings(e['t3']) + mf.t4_findings(e['t4']) + t2_findings(e['t2'], '2021')
            if not any(x not in ('0', None) for r in e['t3'].values() for x in r[:6]):
                f.append('T3 all zero')
        src = e.get('source')
        text = ''
        if src and src.endswith('.docx'):
            with zipfile.ZipFile(os.path.join(OUT, src)) as z:
                text = re.sub(r'<[^>]+>', '', z.read('word/document.xml').decode('utf-8'))
        elif src and src.endswith(('.html', '.md', '.txt')):
            text = html.unescape(open(os.path.join(OUT, src), encoding='utf-8').read())
        if text:
            text = nfkc(text)
            miss = [c for c, x in figures_of(e) if x not in text]
            if miss:
                f.append('figures missing from the source: %s' % miss)
        print('%-16s %-7s rules and source text: %s' % (name, e['format'], 'ok' if not f else f))
        problems += ['%s: %s' % (name, x) for x in f]
    # 2. PDFs and their texts
    total = 0
    for fn in sorted(files):
        path = os.path.join(OUT, fn)
        total += os.path.getsize(path)
        if not fn.endswith('.pdf'):
            continue
        e = sources[files[fn]]
        size = os.path.getsize(path)
        notes = ['%6.1f KB' % (size / 1024)]
        if size > 300 * 1024:
            problems.append('%s is %d KB' % (fn, size // 1024))
        for kind, layout in (('layout', True), ('raw', False)):
            txt = path[:-4] + '.%s.txt' % kind
            if open(txt, encoding='utf-8').read() != pdftotext(path, layout):
                problems.append('%s differs from pdftotext' % os.path.basename(txt))
        words = bbox_words(path)
        if e.get('refuse') == 'no_text_layer':
            notes.append('%d words (must be 0)' % len(words))
            if words:
                problems.append('%s has a text layer' % fn)
        else:
            nw = [nfkc(w) for w in words]
            wset = set(nw)
            joined = '\n'.join(nw)
            exact = inside = 0
            missing = []
            for cell, x in figures_of(e):
                xs = re.sub(r'\s+', '', x)
                if xs in wset:
                    exact += 1
                elif xs in joined or xs in joined.replace('\n', ''):
                    inside += 1
                else:
                    missing.append((cell, x))
            notes.append('figures as words %d, inside a longer word %d' % (exact, inside))
            if missing:
                problems.append('%s: figures not in the PDF: %s' % (fn, missing))
            kx = sum(1 for w in words for c in w if 0x2F00 <= ord(c) <= 0x2FD5)
            notes.append('Kangxi code points %d' % kx)
            if files[fn] == 'kangxi-2024' and kx == 0:
                problems.append('%s carries no Kangxi code points' % fn)
            if files[fn] == 'stacked-2023':
                lay = pdftotext(path, True)
                pos = [lay.find('上年结转')] + [
                    (m.start() if m else -1) for m in (re.search(r'—\s*1\s*—', lay),)] + [
                    lay.find('国家秘密'), lay.find('信访举报')] + [
                    (m.start() if m else -1) for m in (re.search(r'—\s*2\s*—', lay),)] + [
                    lay.find('（七）总计')]
                ok = -1 < pos[0] and pos == sorted(pos)
                notes.append('page numbers between T3 rows: %s' % ok)
                if not ok:
                    problems.append('%s: page number not between T3 rows' % fn)
        print('%-34s %s' % (fn, '; '.join(notes)))
    # 3. flat fixtures
    for name, e in sources.items():
        fn = name + '.flat.txt'
        if fn not in files:
            continue
        text = open(os.path.join(OUT, fn), encoding='utf-8').read()
        if text.count('\n') != 1 or not text.endswith('\n') or '\t' in text:
            problems.append('%s is not one line' % fn)
        runs = e.get('flat_run_together', {})
        for k, info in runs.items():
            if info['digits'] not in text:
                problems.append('%s: run %s missing' % (fn, info['digits']))
            if run_info(e, k) != info:
                problems.append('%s: run %s splits differ' % (fn, k))
        print('%-24s %6d chars, run together: %s' % (fn, len(text), ', '.join(
            '%s=%s (row sum: %d splits, table: %d)' % (k, i['digits'], i['splits_by_row_sum'],
                                                        i['splits_by_table'])
            for k, i in runs.items()) or '-'))
    if not any(i['splits_by_row_sum'] > 1 and i['splits_by_table'] == 1
               for e in sources.values() for i in e.get('flat_run_together', {}).values()):
        problems.append('no flat run that only the whole table splits uniquely')
    for e in sources.values():
        for k, i in e.get('flat_run_together', {}).items():
            if i['splits_by_table'] != 1:
                problems.append('%s: run %s splits %d ways' % (e['title'], k, i['splits_by_table']))
    print('total size of pdf/: %.1f KB in %d files' % (total / 1024, len(files)))
    if problems:
        print('PROBLEMS:')
        for p in problems:
            print('  ' + p)
        return 1
    print('all PDF fixtures check out')
    return 0


def main():
    if '--check' not in sys.argv:
        generate()
    sys.exit(check())


if __name__ == '__main__':
    main()
