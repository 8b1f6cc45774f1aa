#!/usr/bin/env python3
"""Regenerates the test fixtures of `portal-gen import` in this folder, then checks them.

    python3 make_fixtures.py          # write every fixture and expected.json, then check
    python3 make_fixtures.py --check  # only re-read the fixtures and check them

Needs python-docx (`pip install python-docx`) for chengguan-2024.docx. The output is
deterministic (the .docx is re-zipped with fixed timestamps), so regenerating gives the same bytes.

Everything here is about the made-up county 示例县, except huazhuang-2024.txt, a byte-for-byte
copy of the real sample shared/samples/suiping-huazhuang-2024.txt (kept as it is when that
sample cannot be found).

The check re-reads every fixture from disk with its own small reader (tab / pipe / one cell
per line text, GB18030, the .docx XML, the HTML tables), compares what it reads with
expected.json, and verifies T3-1, T3-2, T3-3, T3-4 and T4-1 (for the ambiguous fixture: that at
least two candidate splits satisfy them all).
"""

import datetime
import html
import io
import itertools
import json
import os
import re
import shutil
import sys
import unicodedata
import zipfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'samples',
                                       'suiping-huazhuang-2024.txt'))

# ---------------------------------------------------------------------------------------------
# Row keys, labels

T2_KEYS = {
    '2021': ['rules', 'normative', 'licensing', 'penalty', 'coercion', 'fees'],
    '2019': ['rules', 'normative', 'licensing', 'other_services', 'penalty', 'coercion', 'fees',
             'procurement'],
}
T2_WIDTH = {
    '2021': {'rules': 3, 'normative': 3, 'licensing': 1, 'penalty': 1, 'coercion': 1, 'fees': 1},
    '2019': {'rules': 3, 'normative': 3, 'licensing': 3, 'other_services': 3, 'penalty': 3,
             'coercion': 3, 'fees': 2, 'procurement': 2},
}
T3_KEYS = {
    '2021': ['N', 'K', 'A', 'B'] + ['C%d' % i for i in range(1, 9)] + ['D1', 'D2', 'D3']
            + ['E%d' % i for i in range(1, 6)] + ['F1', 'F2', 'F3', 'G', 'J'],
    '2019': ['N', 'K', 'A', 'B'] + ['C%d' % i for i in range(1, 9)] + ['D1', 'D2', 'D3']
            + ['E%d' % i for i in range(1, 6)] + ['F', 'G', 'J'],
}
T4_KEYS = ['R', 'S', 'P']

CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
T3_LABELS = {
    'N': '一、本年新收政府信息公开申请数量',
    'K': '二、上年结转政府信息公开申请数量',
    'RES': '三、本年度办理结果',
    'A': '（一）予以公开',
    'B': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    'Cg': '（三）不予公开',
    'C1': '1.属于国家秘密', 'C2': '2.其他法律行政法规禁止公开', 'C3': '3.危及“三安全一稳定”',
    'C4': '4.保护第三方合法权益', 'C5': '5.属于三类内部事务信息', 'C6': '6.属于四类过程性信息',
    'C7': '7.属于行政执法案卷', 'C8': '8.属于行政查询事项',
    'Dg': '（四）无法提供',
    'D1': '1.本机关不掌握相关政府信息', 'D2': '2.没有现成信息需要另行制作',
    'D3': '3.补正后申请内容仍不明确',
    'Eg': '（五）不予处理',
    'E1': '1.信访举报投诉类申请', 'E2': '2.重复申请', 'E3': '3.要求提供公开出版物',
    'E4': '4.无正当理由大量反复申请', 'E5': '5.要求行政机关确认或重新出具已获取信息',
    'Fg': '（六）其他处理',
    'F1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'F2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'F3': '3.其他',
    'G': '（七）总计',
    'J': '四、结转下年度继续办理',
}
ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']
T4_SUB = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']


def half(label):
    """The look of the sample (text from a Word file made from a PDF): `(一) 予以公开`, `1. 属于…`."""
    s = re.sub(r'^（([一二三四五六七])）', r'(\1) ', label)
    s = s.replace('（', ' (').replace('）', ')').replace('，', ', ')
    return re.sub(r'^(\d)\.', r'\1. ', s)


# ---------------------------------------------------------------------------------------------
# Data of each report (canonical values: ASCII strings, None = blank cell)

def row(*xs):
    return [None if x is None else str(x) for x in xs]


def t3_table(fmt, **rows):
    return {k: row(*rows[k]) if k in rows else row(*[0] * 7) for k in T3_KEYS[fmt]}


def t4_table(**rows):
    return {k: row(*rows[k]) if k in rows else row(*[0] * 5) for k in T4_KEYS}


def t2_2021(rules=(0, 0, 0), normative=(0, 0, 0), licensing=0, penalty=0, coercion=0, fees=0):
    return {'rules': row(*rules), 'normative': row(*normative), 'licensing': row(licensing),
            'penalty': row(penalty), 'coercion': row(coercion), 'fees': row(fees)}


ONE = [1, 0, 0, 0, 0, 0, 1]

REPORTS = {
    'huazhuang-2024.txt': dict(
        township='花庄镇', year=2024, format='2021',
        title='遂平县花庄镇人民政府2024年政府信息公开工作年度报告',
        t2=t2_2021(), t3=t3_table('2021'), t4=t4_table()),
    'chengguan-2024.docx': dict(
        township='城关镇', year=2024, format='2021',
        title='示例县城关镇人民政府2024年政府信息公开工作年度报告',
        t2=t2_2021(normative=(1, 0, 6), licensing=58, penalty=6, coercion=1, fees='3.675'),
        # The 法人或其他组织 cells (columns 2-6) of C1..C8 are left blank, except the one that
        # is not zero (C4 其他 = 1): see BLANK_IN_DOCX.
        t3=t3_table('2021',
                    N=[6, 1, 0, 0, 0, 1, 8], K=[1, 0, 0, 0, 0, 0, 1], A=[4, 0, 0, 0, 0, 0, 4],
                    B=[0, 1, 0, 0, 0, 0, 1], C4=[0, 0, 0, 0, 0, 1, 1], D1=[2, 0, 0, 0, 0, 0, 2],
                    E2=[1, 0, 0, 0, 0, 0, 1], G=[7, 1, 0, 0, 0, 1, 9]),
        t4=t4_table(S=[0, 0, 0, 1, 1]),
        notes=['1（其中修订1件）']),
    'donghu-2023.html': dict(
        township='东湖镇', year=2023, format='2021',
        title='示例县东湖镇人民政府2023年政府信息公开工作年度报告',
        organ='示例县东湖镇人民政府', published='2024-02-06',
        index_number='11419999MB0000002B/2024-00002',
        t2=t2_2021(normative=(0, 0, 2), licensing=19, penalty=1),
        t3=t3_table('2021', N=ONE, A=ONE, G=ONE), t4=t4_table()),
    'xishan-2024-gb18030.txt': dict(
        township='西山乡', year=2024, format='2021',
        title='示例县西山乡人民政府2024年政府信息公开工作年度报告',
        t2=t2_2021(licensing=11, fees='24252.311082'),
        t3=t3_table('2021', N=ONE, A=ONE, G=ONE), t4=t4_table()),
    'nanhe-2024-pipes.md': dict(
        township='南河镇', year=2024, format='2021',
        title='示例县南河镇人民政府2024年政府信息公开工作年度报告',
        t2=t2_2021(licensing=12),
        t3=t3_table('2021', N=[2, 0, 0, 0, 0, 0, 2], A=ONE, F3=ONE, G=[2, 0, 0, 0, 0, 0, 2]),
        t4=t4_table()),
    'beiling-2024-cells.txt': dict(
        township='北岭乡', year=2024, format='2021',
        title='示例县北岭乡人民政府2024年政府信息公开工作年度报告',
        t2=t2_2021(), t3=t3_table('2021', N=ONE, A=ONE, G=ONE), t4=t4_table()),
    'chengguan-2023-runtogether.txt': dict(
        township='城关镇', year=2023, format='2021',
        title='示例县城关镇人民政府2023年政府信息公开工作年度报告',
        t2=t2_2021(normative=(0, 0, 5), licensing=41, penalty=3, fees='2.48'),
        t3=t3_table('2021', N=[80, 1, 0, 0, 0, 0, 81], A=[80, 1, 0, 0, 0, 0, 81],
                    G=[80, 1, 0, 0, 0, 0, 81]),
        t4=t4_table(),
        run_together_rows=['N', 'G']),
    'chengguan-2022-ambiguous.txt': dict(
        township='城关镇', year=2022, format='2021',
        title='示例县城关镇人民政府2022年政府信息公开工作年度报告',
        t2=t2_2021(normative=(2, 1, 5), licensing=37, penalty=2, coercion=1, fees='1.9'),
        # Rows N, C1 and G are all written as AMBIGUOUS_DIGITS; K, J and every other result
        # row are 0. Filled in by ambiguous_candidates() below.
        t3=None, t4=t4_table()),
    'qingshi-2020-format2019.txt': dict(
        township='青石镇', year=2020, format='2019',
        title='示例县青石镇人民政府2020年政府信息公开工作年度报告',
        t2={'rules': row(0, 0, 0), 'normative': row(1, 1, 3), 'licensing': row(10, -2, 8),
            'other_services': row(3, 0, 5), 'penalty': row(2, 0, 4), 'coercion': row(0, 0, 0),
            'fees': row(1, 0), 'procurement': row(2, '15.5')},
        t3=t3_table('2019', N=[2, 1, 0, 0, 0, 0, 3], A=[1, 1, 0, 0, 0, 0, 2],
                    F=[1, 0, 0, 0, 0, 0, 1], G=[2, 1, 0, 0, 0, 0, 3]),
        t4=t4_table(R=[1, 0, 0, 0, 1])),
}

# chengguan-2024.docx: the 法人或其他组织 cells of C1..C8 that are 0 are left empty.
for _k in ['C%d' % i for i in range(1, 9)]:
    _r = REPORTS['chengguan-2024.docx']['t3'][_k]
    for _c in range(1, 6):
        if _r[_c] == '0':
            _r[_c] = None

AMBIGUOUS_DIGITS = '101000011'
AMBIGUOUS_ROWS = ['N', 'C1', 'G']


# ---------------------------------------------------------------------------------------------
# Arithmetic

def splits(digits, k=7):
    """Every split of a run-together row into k whole numbers (no leading zeros except "0")
    whose last equals the sum of the others (rule T3-3)."""
    out = []

    def rec(i, parts):
        if len(parts) == k:
            if i == len(digits):
                out.append(parts)
            return
        for j in range(i + 1, len(digits) + 1):
            p = digits[i:j]
            if len(p) > 1 and p[0] == '0':
                break
            rec(j, parts + [p])
    rec(0, [])
    return [p for p in out if sum(int(x) for x in p[:k - 1]) == int(p[k - 1])]


def n(x):
    return 0 if x is None else int(x)


def t3_findings(t3):
    bad = []
    keys = list(t3)
    results = [k for k in keys if k not in ('N', 'K', 'G', 'J')]
    for k in keys:
        for x in t3[k]:
            if x is not None and not re.fullmatch(r'\d+', x):
                bad.append('T3-4 %s %s' % (k, x))
    for c in range(7):
        if n(t3['N'][c]) + n(t3['K'][c]) != n(t3['G'][c]) + n(t3['J'][c]):
            bad.append('T3-1 column %d' % (c + 1))
        if n(t3['G'][c]) != sum(n(t3[k][c]) for k in results):
            bad.append('T3-2 column %d' % (c + 1))
    for k in keys:
        if n(t3[k][6]) != sum(n(x) for x in t3[k][:6]):
            bad.append('T3-3 row %s' % k)
    return bad


def t4_findings(t4):
    bad = []
    for k in T4_KEYS:
        if any(x is not None and not re.fullmatch(r'\d+', x) for x in t4[k]):
            bad.append('T3-4 %s' % k)
        if n(t4[k][4]) != sum(n(x) for x in t4[k][:4]):
            bad.append('T4-1 %s' % k)
    return bad


def t2_findings(t2, fmt):
    bad = []
    for k in T2_KEYS[fmt]:
        if len(t2[k]) != T2_WIDTH[fmt][k]:
            bad.append('T2 width %s' % k)
        for i, x in enumerate(t2[k]):
            signed = fmt == '2019' and i == 1 and k in ('licensing', 'other_services', 'penalty',
                                                          'coercion', 'fees')
            amount = k == 'fees' and fmt == '2021' or k == 'procurement' and i == 1
            pat = r'-?\d+' if signed else r'\d+(\.\d+)?' if amount else r'\d+'
            if not re.fullmatch(pat, x):
                bad.append('T2-1 %s %s' % (k, x))
    return bad


def ambiguous_candidates():
    """Candidate tables for chengguan-2022: rows N, C1, G run together; a candidate is one
    split per row; keep those satisfying every rule."""
    cands = splits(AMBIGUOUS_DIGITS)
    ok = []
    for combo in itertools.product(cands, repeat=len(AMBIGUOUS_ROWS)):
        t3 = t3_table('2021')
        for key, s in zip(AMBIGUOUS_ROWS, combo):
            t3[key] = list(s)
        if not t3_findings(t3):
            ok.append(dict(zip(AMBIGUOUS_ROWS, combo)))
    return cands, ok


# ---------------------------------------------------------------------------------------------
# Table layouts (the official merged cells). A grid is a list of rows; a row is a list of
# (column, Cell); cells covered by a span are simply absent.

class Cell:
    def __init__(self, text, rs=1, cs=1, head=False):
        self.text, self.rs, self.cs, self.head = text, rs, cs, head


def H(text, rs=1, cs=1):
    return Cell(text, rs, cs, head=True)


def grid_t2(fmt, shown):
    """shown: key -> list of displayed strings."""
    def vals(key, start=1, spans=None):
        spans = spans or [1] * len(shown[key])
        out, c = [], start
        for v, s in zip(shown[key], spans):
            out.append((c, Cell(v, cs=s)))
            c += s
        return out
    g = []
    if fmt == '2021':
        g.append([(0, H('第二十条第（一）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('本年制发件数')), (2, H('本年废止件数')), (3, H('现行有效件数'))])
        g.append([(0, H('规章'))] + vals('rules'))
        g.append([(0, H('行政规范性文件'))] + vals('normative'))
        g.append([(0, H('第二十条第（五）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('本年处理决定数量', cs=3))])
        g.append([(0, H('行政许可'))] + vals('licensing', spans=[3]))
        g.append([(0, H('第二十条第（六）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('本年处理决定数量', cs=3))])
        g.append([(0, H('行政处罚'))] + vals('penalty', spans=[3]))
        g.append([(0, H('行政强制'))] + vals('coercion', spans=[3]))
        g.append([(0, H('第二十条第（八）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('本年收费金额（单位：万元）', cs=3))])
        g.append([(0, H('行政事业性收费'))] + vals('fees', spans=[3]))
    else:
        three = ['上一年项目数量', '本年增/减', '处理决定数量']
        g.append([(0, H('第二十条第（一）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('本年新制作数量')), (2, H('本年新公开数量')), (3, H('对外公开总数量'))])
        g.append([(0, H('规章'))] + vals('rules'))
        g.append([(0, H('规范性文件'))] + vals('normative'))
        g.append([(0, H('第二十条第（五）项', cs=4))])
        g.append([(0, H('信息内容'))] + [(1 + i, H(t)) for i, t in enumerate(three)])
        g.append([(0, H('行政许可'))] + vals('licensing'))
        g.append([(0, H('其他对外管理服务事项'))] + vals('other_services'))
        g.append([(0, H('第二十条第（六）项', cs=4))])
        g.append([(0, H('信息内容'))] + [(1 + i, H(t)) for i, t in enumerate(three)])
        g.append([(0, H('行政处罚'))] + vals('penalty'))
        g.append([(0, H('行政强制'))] + vals('coercion'))
        g.append([(0, H('第二十条第（八）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('上一年项目数量')), (2, H('本年增/减', cs=2))])
        g.append([(0, H('行政事业性收费'))] + vals('fees', spans=[1, 2]))
        g.append([(0, H('第二十条第（九）项', cs=4))])
        g.append([(0, H('信息内容')), (1, H('采购项目数量')), (2, H('采购总金额', cs=2))])
        g.append([(0, H('政府集中采购'))] + vals('procurement', spans=[1, 2]))
    return g, 4


def grid_t3(fmt, shown, lab=lambda s: s):
    """shown: key -> 7 displayed strings ('' = blank). lab: label look."""
    L = {k: lab(v) for k, v in T3_LABELS.items()}

    def vals(key):
        return [(3 + i, Cell(v)) for i, v in enumerate(shown[key])]
    g = [[(0, H(CORNER, rs=3, cs=3)), (3, H('申请人情况', cs=7))],
         [(3, H('自然人', rs=2)), (4, H('法人或其他组织', cs=5)), (9, H('总计', rs=2))],
         [(4 + i, H(t)) for i, t in enumerate(ORGS)],
         [(0, H(L['N'], cs=3))] + vals('N'),
         [(0, H(L['K'], cs=3))] + vals('K')]
    nres = len(T3_KEYS[fmt]) - 3   # A .. G: every row but N, K and J
    g.append([(0, H(L['RES'], rs=nres)), (1, H(L['A'], cs=2))] + vals('A'))
    g.append([(1, H(L['B'], cs=2))] + vals('B'))
    groups = [('Cg', ['C%d' % i for i in range(1, 9)]), ('Dg', ['D1', 'D2', 'D3']),
              ('Eg', ['E%d' % i for i in range(1, 6)])]
    if fmt == '2021':
        groups.append(('Fg', ['F1', 'F2', 'F3']))
    for gk, keys in groups:
        for i, k in enumerate(keys):
            first = [(1, H(L[gk], rs=len(keys)))] if i == 0 else []
            g.append(first + [(2, H(L[k]))] + vals(k))
    if fmt == '2019':
        g.append([(1, H(L['Fg'], cs=2))] + vals('F'))
    g.append([(1, H(L['G'], cs=2))] + vals('G'))
    g.append([(0, H(L['J'], cs=3))] + vals('J'))
    return g, 10


def grid_t4(shown, review='行政复议', sub=T4_SUB):
    g = [[(0, H(review, cs=5)), (5, H('行政诉讼', cs=10))],
         [(i, H(t, rs=2)) for i, t in enumerate(sub)]
         + [(5, H('未经复议直接起诉', cs=5)), (10, H('复议后起诉', cs=5))],
         [(5 + i, H(t)) for i, t in enumerate(sub)] + [(10 + i, H(t)) for i, t in enumerate(sub)],
         [(i, Cell(v)) for i, v in enumerate(shown['R'] + shown['S'] + shown['P'])]]
    return g, 15


def shown_of(table):
    return {k: ['' if x is None else x for x in v] for k, v in table.items()}


def text_rows(grid, width):
    """Cells as Word's copy gives them: one row per line, every grid column a tab field."""
    out = []
    for r in grid:
        arr = [''] * width
        for c, cell in r:
            arr[c] = cell.text
        out.append(arr)
    return out


def tabbed(rows):
    return ['\t'.join(r) for r in rows]


def cells_per_line(grid):
    """PDF-style copy: every non-empty cell on its own line."""
    return [cell.text for r in grid for _, cell in r if cell.text != '']


def piped(rows, md=True, sep_after=0):
    out = []
    for i, r in enumerate(rows):
        out.append('| ' + ' | '.join(r) + ' |' if md else '|'.join(r))
        if md and i == sep_after:
            out.append('|' + '---|' * len(r))
    return out


FULLWIDTH = str.maketrans('0123456789', '０１２３４５６７８９')


def text_report(title, blocks, lead='\n\n'):
    """blocks: list of strings (a paragraph) or lists of lines (a table). Paragraphs are
    separated by a blank line, as in the sample."""
    parts = [title]
    for b in blocks:
        parts.append('\n'.join(b) if isinstance(b, list) else b)
    return lead + '\n\n'.join(parts) + '\n'


# ---------------------------------------------------------------------------------------------
# The fixtures

PORTAL_YML = """site_name: 导入测试
county: 示例县
host_organ: 示例县人民政府办公室
contact: 电话 0000-0000000
townships:
  - name: 花庄镇
    organ: 遂平县花庄镇人民政府
    slug: huazhuang
  - name: 城关镇
    organ: 示例县城关镇人民政府
    slug: chengguan
  - name: 东湖镇
    organ: 示例县东湖镇人民政府
    slug: donghu
  - name: 西山乡
    organ: 示例县西山乡人民政府
    slug: xishan
  - name: 南河镇
    organ: 示例县南河镇人民政府
    slug: nanhe
  - name: 北岭乡
    organ: 示例县北岭乡人民政府
    slug: beiling
  - name: 河口镇
    organ: 示例县河口镇人民政府
    slug: hekou
  - name: 石桥乡
    organ: 示例县石桥乡人民政府
    slug: shiqiao
  - name: 柳林镇
    organ: 示例县柳林镇人民政府
    slug: liulin
  - name: 王店乡
    organ: 示例县王店乡人民政府
    slug: wangdian
  - name: 杨集镇
    organ: 示例县杨集镇人民政府
    slug: yangji
  - name: 高庙乡
    organ: 示例县高庙乡人民政府
    slug: gaomiao
  - name: 李寨镇
    organ: 示例县李寨镇人民政府
    slug: lizhai
  - name: 桃园镇
    organ: 示例县桃园镇人民政府
    slug: taoyuan
"""

H2 = '二、主动公开政府信息情况'
H3 = '三、收到和处理政府信息公开申请情况'
H4 = '四、政府信息公开行政复议、行政诉讼情况'
H5 = '五、存在的主要问题及改进情况'
H6 = '六、其他需要报告的事项'


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def make_huazhuang():
    if os.path.exists(SAMPLE):
        shutil.copyfile(SAMPLE, os.path.join(HERE, 'huazhuang-2024.txt'))
    elif not os.path.exists(os.path.join(HERE, 'huazhuang-2024.txt')):
        sys.exit('missing %s' % SAMPLE)


# -- chengguan-2024.docx ------------------------------------------------------------------------

def make_chengguan_2024_docx():
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rep = REPORTS['chengguan-2024.docx']
    d = docx.Document()
    normal = d.styles['Normal']
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), '宋体')
    cp = d.core_properties
    cp.author = cp.last_modified_by = '示例县城关镇人民政府'
    cp.title = rep['title']
    cp.created = cp.modified = datetime.datetime(2025, 1, 20, 9, 0, 0)
    cp.revision = 1

    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(rep['title'])
    r.bold = True
    r.font.size = Pt(18)

    def para(text):
        d.add_paragraph(text).paragraph_format.first_line_indent = Pt(24)

    def table(grid, width):
        t = d.add_table(rows=len(grid), cols=width)
        t.style = 'Table Grid'
        for ri, rr in enumerate(grid):
            for c, cell in rr:
                tc = t.cell(ri, c)
                if cell.rs > 1 or cell.cs > 1:
                    tc = tc.merge(t.cell(ri + cell.rs - 1, c + cell.cs - 1))
                tc.text = cell.text
                tc.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                if cell.head:
                    for run in tc.paragraphs[0].runs:
                        run.font.size = Pt(9)
        return t

    d.add_heading('一、总体情况', level=1)
    d.add_heading('（一）主动公开', level=2)
    para('2024年，城关镇通过示例县人民政府门户网站城关镇专栏和镇村政务公开栏主动公开政府信息236条，'
         '重点公开财政预决算、惠民惠农补贴和安全生产信息。')
    d.add_heading('（二）依申请公开', level=2)
    para('2024年共收到政府信息公开申请8件，上年结转1件，其中予以公开4件，均在法定期限内答复。')
    d.add_heading('（三）政府信息管理', level=2)
    para('镇党政综合办公室落实信息发布“三审”制度，年内对已公开的行政规范性文件进行了一次清理。')
    d.add_heading('（四）政府信息公开平台建设', level=2)
    para('镇政府网站专栏由专人维护，栏目内容按月检查更新。')

    shown2 = shown_of(rep['t2'])
    shown2['normative'][0] = rep['notes'][0]          # 1（其中修订1件）
    d.add_heading(H2, level=1)
    table(*grid_t2('2021', shown2))
    d.add_heading(H3, level=1)
    table(*grid_t3('2021', shown_of(rep['t3'])))
    d.add_heading(H4, level=1)
    table(*grid_t4(shown_of(rep['t4'])))

    d.add_heading(H5, level=1)
    para('政策解读形式较为单一，部分村级公开栏更新不够及时。2025年将增加图解、问答等解读形式，'
         '并将村级公开栏纳入每月检查。')
    d.add_heading(H6, level=1)
    para('本年度未收取信息处理费。')

    buf = io.BytesIO()
    d.save(buf)
    # Re-zip with fixed timestamps so that regenerating gives the same bytes, leaving out the
    # template's thumbnail image and its (optional, Word 2010) stylesWithEffects.xml.
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
                    x = re.sub(r'<Relationship [^>]*Target="[^"]*%s"/>' % re.escape(part.split('/')[-1]),
                               '', x)
                    x = re.sub(r'<Override PartName="/%s"[^>]*/>' % re.escape(part), '', x)
                x = x.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', '')
                assert 'thumbnail' not in x and 'stylesWithEffects' not in x, x
                data = x.encode('utf-8')
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    write('chengguan-2024.docx', out.getvalue())


# -- donghu-2023.html -------------------------------------------------------------------------

def html_table(grid, cls, style_numbers=True):
    out = ['<table class="%s" border="1" cellspacing="0" cellpadding="0" '
           'style="border-collapse:collapse;width:100%%;">' % cls, '<tbody>']
    k = 0
    for r in grid:
        out.append('<tr>')
        for _, cell in r:
            attrs = ''
            if cell.rs > 1:
                attrs += ' rowspan="%d"' % cell.rs
            if cell.cs > 1:
                attrs += ' colspan="%d"' % cell.cs
            text = html.escape(cell.text, quote=False)
            if cell.head:
                inner = '<span style="font-family:宋体;font-size:12px;">%s</span>' % text
            else:
                k += 1
                # Word-to-CMS output: some figures wrapped in <p><span>, a few with a &nbsp;
                if k % 5 == 0:
                    inner = '%s&nbsp;' % text
                elif style_numbers and k % 3 == 0:
                    inner = ('<p style="text-align:center;margin:0;"><span style="font-size:14px;'
                             'font-family:Times New Roman;">%s</span></p>' % text)
                else:
                    inner = text
            out.append('<td%s style="text-align:center;vertical-align:middle;">%s</td>'
                       % (attrs, inner))
        out.append('</tr>')
    out += ['</tbody>', '</table>']
    return '\n'.join(out)


def make_donghu_html():
    rep = REPORTS['donghu-2023.html']
    t2 = html_table(grid_t2('2021', shown_of(rep['t2']))[0], cls='MsoNormalTable')
    t3 = html_table(grid_t3('2021', shown_of(rep['t3']))[0], cls='MsoNormalTable')
    t4 = html_table(grid_t4(shown_of(rep['t4']))[0], cls='MsoNormalTable')
    P = '<p style="text-indent:2em;line-height:1.75em;"><span style="font-family:仿宋_GB2312;font-size:16px;">%s</span></p>'
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{rep['title']}_乡镇年报_示例县人民政府</title>
<meta name="SiteName" content="示例县人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="{rep['title']}">
<meta name="PubDate" content="2024-02-06 10:32">
<link rel="stylesheet" href="/static/css/common.css">
<style>
  body {{ margin:0; font-family:"Microsoft YaHei",sans-serif; }}
  .header {{ background:#b71c1c; color:#fff; }}
  .nav a {{ color:#fff; padding:0 12px; }}
  .article table td {{ border:1px solid #000; }}
</style>
</head>
<body>
<div class="header">
  <div class="top-bar"><span>欢迎访问示例县人民政府门户网站</span> <a href="/wza/">无障碍</a> <a href="/en/">English</a></div>
  <div class="logo"><a href="/"><img src="/static/img/logo.png" alt="示例县人民政府"></a><h2 class="site-name">示例县人民政府</h2></div>
  <ul class="nav">
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
    <li><a href="/zjsl/">走进示例县</a></li>
  </ul>
</div>
<div class="main w1200">
  <div class="breadcrumb">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/xxgk/">政府信息公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/xxgk/ndbg/">政府信息公开年报</a>&nbsp;&gt;&nbsp;乡镇年报</div>
  <div class="sidebar" style="float:right;width:260px;">
    <h3>相关链接</h3>
    <ul>
      <li><a href="/zwgk/xxgk/ndbg/xz/202402/t20240201_1001.html">示例县城关镇人民政府2023年政府信息公开工作年度报告</a></li>
      <li><a href="/zwgk/xxgk/ndbg/xz/202402/t20240203_1002.html">示例县西山乡人民政府2023年政府信息公开工作年度报告</a></li>
      <li><a href="/zwgk/xxgk/gkzn/">政府信息公开指南</a></li>
      <li><a href="/zwgk/xxgk/gkzd/">政府信息公开制度</a></li>
      <li><a href="/hdjl/ysqgk/">依申请公开</a></li>
    </ul>
  </div>
  <div class="article" style="margin-right:280px;">
    <table class="xxgk-meta" style="width:100%;font-size:14px;background:#f7f7f7;">
      <tr><td><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b>{rep['index_number']}</td><td><b>信息分类：</b>政府信息公开年报</td></tr>
      <tr><td><b>发布机构：</b>{rep['organ']}</td><td><b>成文日期：</b>2024-02-05</td></tr>
      <tr><td><b>发布日期：</b>{rep['published']}</td><td><b>文&nbsp;&nbsp;&nbsp;&nbsp;号：</b></td></tr>
      <tr><td><b>有&nbsp;效&nbsp;性：</b>有效</td><td><b>主题分类：</b>综合政务</td></tr>
    </table>
    <h1 class="article-title" style="text-align:center;font-size:22px;">{rep['title']}</h1>
    <div class="article-info">发布时间：2024-02-06 10:32&nbsp;&nbsp;来源：东湖镇&nbsp;&nbsp;浏览次数：<span id="hits">316</span>&nbsp;&nbsp;字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></div>
    <div class="article-content TRS_Editor">
<p><strong>一、总体情况</strong></p>
{P % '2023年，东湖镇坚持以公开为常态、不公开为例外，依托示例县人民政府门户网站东湖镇专栏和镇政务公开栏主动公开政府信息152条。'}
{P % '全年共收到政府信息公开申请1件，予以公开1件，已按期答复。镇党政办公室配备1名专职人员负责信息发布审核。'}
<p><strong>二、主动公开政府信息情况</strong></p>
{t2}
<p>&nbsp;</p>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
{t3}
<p>&nbsp;</p>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
{t4}
<p><strong>五、存在的主要问题及改进情况</strong></p>
{P % '主要问题是公开内容的时效性有待提高。下一步将建立信息发布台账，重要信息在形成后及时公开。'}
<p><strong>六、其他需要报告的事项</strong></p>
{P % '本年度未收取信息处理费。'}
<p style="text-align:right;">示例县东湖镇人民政府</p>
<p style="text-align:right;">2024年2月5日</p>
    </div>
    <div class="share">分享到：<a href="javascript:;" class="wx">微信</a> <a href="javascript:;" class="wb">微博</a></div>
    <div class="article-tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p>主办单位：示例县人民政府办公室&nbsp;&nbsp;&nbsp;&nbsp;承办单位：示例县大数据中心</p>
  <p>网站标识码：0000000000&nbsp;&nbsp;&nbsp;&nbsp;<a href="#">示ICP备00000000号-1</a>&nbsp;&nbsp;&nbsp;&nbsp;示公网安备 00000000000000号</p>
  <p>联系电话：0000-0000000</p>
</div>
<script src="/static/js/jquery.min.js"></script>
<script>var _hmt = _hmt || [];</script>
</body>
</html>
"""
    write('donghu-2023.html', page.encode('utf-8'))


# -- xishan-2024-gb18030.txt ------------------------------------------------------------------

def make_xishan():
    rep = REPORTS['xishan-2024-gb18030.txt']
    s2 = shown_of(rep['t2'])
    s2['licensing'] = ['１１']
    t2 = tabbed(text_rows(*grid_t2('2021', s2)))
    s3 = shown_of(rep['t3'])
    for k in ('N', 'K', 'J'):
        s3[k] = [v.translate(FULLWIDTH) for v in s3[k]]
    s3['A'][0] = s3['A'][0].translate(FULLWIDTH)
    rows3 = text_rows(*grid_t3('2021', s3))
    lines3 = []
    for r in rows3:
        if r[1].startswith('（二）部分公开'):
            # the label wraps: its tail and the figures are on the next line
            head, tail = r[1][:-5], r[1][-5:]
            assert tail == '其他情形）', tail
            lines3.append('\t' + head)
            lines3.append('\t'.join([tail] + r[2:]))
        else:
            lines3.append('\t'.join(r))
        if r[2].startswith('5.属于三类内部事务信息'):
            lines3 += ['', '— 5 —']          # the page footer, copied along with the table
    t4 = tabbed(text_rows(*grid_t4(shown_of(rep['t4']))))
    text = text_report(rep['title'], [
        '一、总体情况',
        '（一）主动公开。2024年，西山乡通过示例县人民政府门户网站西山乡专栏主动公开政府信息98条，涉及财政资金、乡村振兴和社会救助等内容。',
        '（二）依申请公开。全年共收到政府信息公开申请1件，予以公开1件，按期答复率100%。',
        H2, t2, H3, lines3, H4, t4,
        H5,
        '信息公开工作人员多为兼职，业务能力有待提升。2025年将组织专题培训，并完善信息发布审核流程。',
        H6,
        '本年度未收取信息处理费。',
    ])
    write('xishan-2024-gb18030.txt', text.encode('gb18030'))


# -- nanhe-2024-pipes.md ----------------------------------------------------------------------

def make_nanhe():
    rep = REPORTS['nanhe-2024-pipes.md']
    s2 = shown_of(rep['t2'])
    s2['licensing'] = ['1 2']          # a stray space inside a number: 12
    t2 = piped(text_rows(*grid_t2('2021', s2)))
    t3 = piped(text_rows(*grid_t3('2021', shown_of(rep['t3']))))
    t4 = piped(text_rows(*grid_t4(shown_of(rep['t4']))), md=False)
    text = text_report(rep['title'], [
        '一、总体情况',
        '2024年，南河镇严格落实《中华人民共和国政府信息公开条例》，通过镇政府网站专栏和公开栏主动公开政府信息74条。',
        '全年共收到政府信息公开申请2件，予以公开1件，因申请人撤回申请作其他处理1件。',
        H2, t2, H3, t3, H4, t4,
        H5,
        '存在的主要问题是政策解读数量偏少。改进措施：2025年对镇政府出台的重要政策同步发布解读材料。',
        H6,
        '本年度未收取信息处理费。',
    ], lead='')
    write('nanhe-2024-pipes.md', text.encode('utf-8'))


# -- beiling-2024-cells.txt -------------------------------------------------------------------

def make_beiling():
    rep = REPORTS['beiling-2024-cells.txt']
    t2 = tabbed(text_rows(*grid_t2('2021', shown_of(rep['t2']))))
    t3 = cells_per_line(grid_t3('2021', shown_of(rep['t3']))[0])
    t4 = cells_per_line(grid_t4(shown_of(rep['t4']))[0])
    text = text_report(rep['title'], [
        '一、总体情况',
        '2024年，北岭乡通过示例县人民政府门户网站北岭乡专栏和各村公开栏主动公开政府信息61条。全年共收到政府信息公开申请1件，予以公开1件。',
        H2, t2, H3, t3, H4, t4,
        H5,
        '主动公开信息的更新频率不够稳定。下一步将明确专人每周更新专栏内容。',
        H6,
        '本年度未收取信息处理费。',
    ])
    write('beiling-2024-cells.txt', text.encode('utf-8'))


# -- chengguan-2023-runtogether.txt, chengguan-2022-ambiguous.txt ----------------------------

def make_chengguan_2023():
    rep = REPORTS['chengguan-2023-runtogether.txt']
    t2 = tabbed(text_rows(*grid_t2('2021', shown_of(rep['t2']))))
    # rows N and G: their 7 cells run together into one string of digits
    rows = []
    for r in text_rows(*grid_t3('2021', shown_of(rep['t3']), lab=half)):
        if r[0] == half(T3_LABELS['N']) or r[1] == half(T3_LABELS['G']):
            r = r[:3] + [''.join(r[3:])]
        rows.append('\t'.join(r))
    t4 = tabbed(text_rows(*grid_t4(shown_of(rep['t4']))))
    text = text_report('示例县城关镇人民政府 2023 年政府信息公开工作年度报告', [
        '一、总体情况',
        '2023 年,城关镇以镇政府网站专栏为主渠道主动公开政府信息 212 条,重点做好征地补偿和老旧小区改造信息公开。',
        '全年共收到政府信息公开申请81件,全部予以公开,均在法定期限内答复。',
        H2, t2, H3, rows, H4, t4,
        H5,
        '依申请公开数量较上年明显增加,答复力量不足。2024 年将把常被申请的征地补偿信息转为主动公开。',
        H6,
        '2023 年未收取信息处理费。',
    ])
    write('chengguan-2023-runtogether.txt', text.encode('utf-8'))


def make_chengguan_2022():
    rep = REPORTS['chengguan-2022-ambiguous.txt']
    t2 = tabbed(text_rows(*grid_t2('2021', shown_of(rep['t2']))))
    rows = []
    for r in text_rows(*grid_t3('2021', shown_of(t3_table('2021')), lab=half)):
        if r[0] == half(T3_LABELS['N']) or r[1] == half(T3_LABELS['G']) \
                or r[2] == half(T3_LABELS['C1']):
            r = r[:3] + [AMBIGUOUS_DIGITS]
        rows.append('\t'.join(r))
    t4 = tabbed(text_rows(*grid_t4(shown_of(rep['t4']))))
    text = text_report('示例县城关镇人民政府 2022 年政府信息公开工作年度报告', [
        '一、总体情况',
        '2022 年,城关镇通过镇政府网站专栏、政务公开栏主动公开政府信息 187 条。',
        '全年共收到政府信息公开申请11件,因申请内容属于国家秘密,均依法作出不予公开的答复。',
        H2, t2, H3, rows, H4, t4,
        H5,
        '保密审查流程不够细化。2023 年将制定信息公开保密审查清单。',
        H6,
        '2022 年未收取信息处理费。',
    ])
    write('chengguan-2022-ambiguous.txt', text.encode('utf-8'))


# -- qingshi-2020-format2019.txt --------------------------------------------------------------

def make_qingshi():
    rep = REPORTS['qingshi-2020-format2019.txt']
    t2 = tabbed(text_rows(*grid_t2('2019', shown_of(rep['t2']))))
    t3 = tabbed(text_rows(*grid_t3('2019', shown_of(rep['t3']))))
    t4 = tabbed(text_rows(*grid_t4(shown_of(rep['t4']), review='行政法复议')))
    text = text_report(rep['title'], [
        '一、总体情况',
        '2020年，青石镇按照《中华人民共和国政府信息公开条例》要求，主动公开政府信息83条，完成政府集中采购项目2个。',
        '全年共收到政府信息公开申请3件，予以公开1件，部分公开1件，其他处理1件。',
        H2, t2, H3, t3,
        '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', t4,
        H5,
        '政府信息公开目录的编制还不够完善。2021年将按照新条例梳理公开目录，逐项明确公开责任人。',
        H6,
        '本年度未收取信息处理费。',
    ], lead='\n')
    write('qingshi-2020-format2019.txt', text.encode('utf-8'))


# -- expected.json ----------------------------------------------------------------------------

def expected():
    out = {}
    for name, rep in REPORTS.items():
        e = {'township': rep['township'], 'year': rep['year'], 'format': rep['format'],
             'title': rep['title']}
        for k in ('organ', 'published', 'index_number'):
            if k in rep:
                e[k] = rep[k]
        if name == 'chengguan-2022-ambiguous.txt':
            cands, ok = ambiguous_candidates()
            e['ambiguous'] = {'row': 'C1',
                              'candidates': sorted({tuple(c['C1']) for c in ok})}
            e['ambiguous']['candidates'] = [list(c) for c in e['ambiguous']['candidates']]
            e['ambiguous']['digits'] = AMBIGUOUS_DIGITS
            e['ambiguous']['run_together_rows'] = AMBIGUOUS_ROWS
            e['ambiguous']['note'] = (
                'Rows N, C1 and G are each written as "%s"; all other T3 rows are 0. A single '
                'run-together row is always fixed by T3-1/T3-2 when every other cell is readable, '
                'so N and G (which decide C1) are run together too; each candidate C1 is '
                'consistent with N = G = C1.' % AMBIGUOUS_DIGITS)
        else:
            e['t2'] = {k: rep['t2'][k] for k in T2_KEYS[rep['format']]}
            e['t3'] = rep['t3']
            e['t4'] = rep['t4']
        if 'notes' in rep:
            e['notes'] = rep['notes']
        if 'run_together_rows' in rep:
            e['run_together_rows'] = rep['run_together_rows']
        if name == 'qingshi-2020-format2019.txt':
            e['township_in_portal'] = False
        out[name] = e
    return out


def dump_expected():
    text = json.dumps(expected(), ensure_ascii=False, indent=2)
    # one row per line: ["0", "0", ...] instead of one cell per line
    text = re.sub(r'\[\s+([^\[\]{}]*?)\s+\]',
                  lambda m: '[' + re.sub(r',\s+', ', ', m.group(1)) + ']', text)
    write('expected.json', (text + '\n').encode('utf-8'))


# ---------------------------------------------------------------------------------------------
# Check: re-read every fixture from disk

def norm(tok):
    t = unicodedata.normalize('NFKC', tok)
    return re.sub(r'\s+', '', t)


def is_num(tok):
    return re.fullmatch(r'-?\d+(\.\d+)?', norm(tok)) is not None


T3_ANCHORS = {'N': '本年新收', 'K': '上年结转', 'A': '予以公开', 'B': '部分公开',
              'C1': '国家秘密', 'C2': '禁止公开', 'C3': '三安全一稳定', 'C4': '第三方合法权益',
              'C5': '内部事务', 'C6': '过程性信息', 'C7': '执法案卷', 'C8': '查询事项',
              'D1': '不掌握', 'D2': '另行制作', 'D3': '仍不明确', 'E1': '信访举报',
              'E2': '重复申请', 'E3': '公开出版物', 'E4': '大量反复', 'E5': '重新出具',
              'F1': '逾期不补正', 'F2': '缴纳费用', 'F3': '其他', 'F': '其他处理', 'G': '总计',
              'J': '结转下年度'}
T2_ANCHORS = {'rules': '规章', 'normative': '规范性文件', 'licensing': '行政许可',
              'other_services': '其他对外管理服务事项', 'penalty': '行政处罚',
              'coercion': '行政强制', 'fees': '行政事业性收费', 'procurement': '政府集中采购'}


def regions_from_lines(lines):
    """Split the report into the T2, T3, T4 regions by their section headings."""
    idx = {}
    for i, l in enumerate(lines):
        s = l.strip()
        if re.match(r'^二、主动公开', s):
            idx.setdefault(2, i)
        elif re.match(r'^三、收到和处理', s):
            idx.setdefault(3, i)
        elif re.match(r'^四、.*(复议|诉讼)', s):
            idx.setdefault(4, i)
        elif re.match(r'^五、', s):
            idx.setdefault(5, i)
    return lines[idx[2] + 1:idx[3]], lines[idx[3] + 1:idx[4]], lines[idx[4] + 1:idx[5]]


def read_tokens(region_lines, keys, anchors, widths):
    """Token reader for copied text: cells split at tabs, pipes and line ends."""
    toks = [t for t in re.split(r'[\t|\n]', '\n'.join(region_lines))]
    out, pos, run = {}, 0, {}
    for k in keys:
        while anchors[k] not in toks[pos]:
            pos += 1
        pos += 1
        nums = []
        while len(nums) < widths[k]:
            t = toks[pos]
            if is_num(t):
                nums.append(norm(t))
            elif norm(t) == '' or not nums:
                pass
            else:
                break
            pos += 1
        if len(nums) == 1 and widths[k] == 7:
            run[k] = nums[0]
            out[k] = None
        else:
            assert len(nums) == widths[k], (k, nums)
            out[k] = nums
    return out, run


def read_t4_tokens(region_lines):
    toks = [norm(t) for t in re.split(r'[\t|\n]', '\n'.join(region_lines))]
    nums = [t for t in toks if re.fullmatch(r'\d+', t)]
    assert len(nums) == 15, nums
    return {'R': nums[0:5], 'S': nums[5:10], 'P': nums[10:15]}


def read_rows(rows, keys, anchors, widths):
    """Row reader for real tables (docx, HTML): the last cells of the row naming the item."""
    out, pos = {}, 0
    for k in keys:
        while not any(anchors[k] in c for c in rows[pos]):
            pos += 1
        cells = rows[pos][-widths[k]:]
        out[k] = [norm(c) if norm(c) != '' else None for c in cells]
        pos += 1
    return out


def docx_blocks(path):
    """Paragraphs (with style) and tables (rows of cell texts, one per w:tc) of a .docx, plus
    counts of gridSpan/vMerge."""
    W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        xml = z.read('word/document.xml')
    body = ET.fromstring(xml).find(W + 'body')
    blocks = []
    for el in body:
        if el.tag == W + 'p':
            st = el.find('%spPr/%spStyle' % (W, W))
            blocks.append(('p', ''.join(t.text or '' for t in el.iter(W + 't')),
                           st.get(W + 'val') if st is not None else None))
        elif el.tag == W + 'tbl':
            rows, spans, open_v = [], [], {}
            for ri, tr in enumerate(el.findall(W + 'tr')):
                cells, col = [], 0
                for tc in tr.findall(W + 'tc'):
                    text = ''.join(t.text or '' for t in tc.iter(W + 't'))
                    cells.append(text)
                    gs = tc.find('%stcPr/%sgridSpan' % (W, W))
                    cs = int(gs.get(W + 'val')) if gs is not None else 1
                    vm = tc.find('%stcPr/%svMerge' % (W, W))
                    if vm is not None and vm.get(W + 'val') != 'restart':
                        open_v[col][1] += 1          # continues the cell above
                    else:
                        sp = [text, 1, cs]
                        spans.append(sp)
                        if vm is not None:
                            open_v[col] = sp
                    col += cs
                rows.append(cells)
            blocks.append(('t', rows))
            blocks.append(('spans', [tuple(x) for x in spans]))
    xs = xml.decode('utf-8')
    return blocks, xs.count('<w:gridSpan'), xs.count('<w:vMerge')


class HtmlBlocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.cell, self.row, self.table, self.p = [], None, None, None, None
        self.depth_table = 0

    def handle_starttag(self, tag, attrs):
        if tag == 'table':
            self.depth_table += 1
            self.table, self.spans = [], []
        elif tag == 'tr':
            self.row = []
        elif tag in ('td', 'th'):
            self.cell = ''
            a = dict(attrs)
            self.span = (int(a.get('rowspan', 1)), int(a.get('colspan', 1)))
        elif tag in ('p', 'h1') and self.cell is None:
            self.p = ''

    def handle_endtag(self, tag):
        if tag == 'table':
            self.blocks.append(('t', self.table))
            self.blocks.append(('spans', self.spans))
            self.depth_table -= 1
        elif tag == 'tr':
            self.table.append(self.row)
        elif tag in ('td', 'th'):
            self.row.append(self.cell)
            self.spans.append((self.cell.strip(),) + self.span)
            self.cell = None
        elif tag in ('p', 'h1') and self.p is not None:
            self.blocks.append(('p', self.p, tag))
            self.p = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.p is not None:
            self.p += data


def tables_by_section(blocks):
    """Map section number (2, 3, 4) -> rows of the table following that heading."""
    sec, out = None, {}
    for b in blocks:
        if b[0] == 'p':
            s = b[1].strip()
            m = re.match(r'^([一二三四五六])、', s)
            if m:
                sec = '一二三四五六'.index(m.group(1)) + 1
        elif b[0] == 't' and sec in (2, 3, 4) and sec not in out:
            out[sec] = b[1]
    return out


def headings_of(lines):
    return [l.strip() for l in lines if re.match(r'^[一二三四五六]、', l.strip())
            and '\t' not in l and '|' not in l]


SPANS = {   # text of a header cell -> (rows, columns) it must span in the official layout
    2: {'第二十条第（一）项': (1, 4), '第二十条第（五）项': (1, 4), '第二十条第（六）项': (1, 4),
        '第二十条第（八）项': (1, 4), '本年处理决定数量': (1, 3), '本年收费金额（单位：万元）': (1, 3)},
    3: {CORNER: (3, 3), '申请人情况': (1, 7), '自然人': (2, 1), '法人或其他组织': (1, 5),
        '总计': (2, 1), '一、本年新收政府信息公开申请数量': (1, 3), '三、本年度办理结果': (22, 1),
        '（一）予以公开': (1, 2), '（三）不予公开': (8, 1), '（四）无法提供': (3, 1),
        '（五）不予处理': (5, 1), '（六）其他处理': (3, 1), '（七）总计': (1, 2),
        '四、结转下年度继续办理': (1, 3)},
    4: {'行政复议': (1, 5), '行政诉讼': (1, 10), '未经复议直接起诉': (1, 5), '复议后起诉': (1, 5),
        '结果维持': (2, 1)},
}


def span_problems(name, blocks):
    """Compare the merged cells of the tables of sections 二, 三, 四 with the official layout."""
    out, sec, seen = [], None, set()
    for b in blocks:
        if b[0] == 'p':
            m = re.match(r'^([一二三四五六])、', b[1].strip())
            if m:
                sec = '一二三四五六'.index(m.group(1)) + 1
        elif b[0] == 'spans' and sec in SPANS and sec not in seen:
            seen.add(sec)
            first = {}
            for text, rs, cs in b[1]:
                first.setdefault(text, (rs, cs))
            for text, want in SPANS[sec].items():
                if first.get(text) != want:
                    out.append('%s: table %d cell %s spans %s, not %s'
                               % (name, sec, text, first.get(text), want))
    return out


def check():
    exp = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
    portal = open(os.path.join(HERE, 'portal.yml'), encoding='utf-8').read()
    assert portal == PORTAL_YML, 'portal.yml differs'
    problems = []
    sample_ok = os.path.exists(SAMPLE)
    if sample_ok:
        same = open(SAMPLE, 'rb').read() == open(os.path.join(HERE, 'huazhuang-2024.txt'), 'rb').read()
        print('huazhuang-2024.txt is byte-for-byte the sample:', same)
        if not same:
            problems.append('huazhuang copy differs')
    for name, e in exp.items():
        path = os.path.join(HERE, name)
        fmt = e['format']
        got = {}
        notes = []
        if name.endswith('.docx'):
            blocks, gs, vm = docx_blocks(path)
            notes.append('w:gridSpan x%d, w:vMerge x%d' % (gs, vm))
            if gs == 0 or vm == 0:
                problems.append('%s: no merged cells' % name)
            title = blocks[0][1]
            heads = [b[1] for b in blocks if b[0] == 'p' and b[2] == 'Heading1']
            h2 = [b[1] for b in blocks if b[0] == 'p' and b[2] == 'Heading2']
            notes.append('Heading1 %d, Heading2 %d' % (len(heads), len(h2)))
            narrative = [b[1] for b in blocks[1:] if b[0] == 'p' and b[2] is None and b[1]]
            tabs = tables_by_section(blocks)
            sp = span_problems(name, blocks)
            problems += sp
            notes.append('merged cells as in the official layout: %s' % (not sp))
            got['t2'] = read_rows(tabs[2], T2_KEYS[fmt], T2_ANCHORS, T2_WIDTH[fmt])
            got['t3'] = read_rows(tabs[3], T3_KEYS[fmt], T3_ANCHORS, {k: 7 for k in T3_ANCHORS})
            got['t4'] = dict(zip(T4_KEYS, [tabs[4][-1][0:5], tabs[4][-1][5:10], tabs[4][-1][10:15]]))
            ann = got['t2']['normative'][0]
            if ann != norm(e['notes'][0]):
                problems.append('%s: annotation cell is %r' % (name, ann))
            got['t2']['normative'][0] = re.match(r'\d+', ann).group(0)
            blanks = sum(1 for r in got['t3'].values() for x in r if x is None)
            notes.append('%d blank T3 cells' % blanks)
            alltext = '\n'.join(b[1] for b in blocks if b[0] == 'p')
        elif name.endswith('.html'):
            raw = open(path, 'rb').read()
            text = raw.decode('utf-8')
            assert '<meta charset="utf-8">' in text
            hp = HtmlBlocks()
            hp.feed(text)
            blocks = hp.blocks
            h1 = [b[1] for b in blocks if b[0] == 'p' and b[2] == 'h1']
            title = h1[0].strip()
            heads = [b[1].strip() for b in blocks if b[0] == 'p'
                     and re.match(r'^[一二三四五六]、', b[1].strip())]
            tabs = tables_by_section(blocks)
            sp = span_problems(name, blocks)
            problems += sp
            notes.append('merged cells as in the official layout: %s' % (not sp))
            got['t2'] = read_rows(tabs[2], T2_KEYS[fmt], T2_ANCHORS, T2_WIDTH[fmt])
            got['t3'] = read_rows(tabs[3], T3_KEYS[fmt], T3_ANCHORS, {k: 7 for k in T3_ANCHORS})
            last = [norm(c) for c in tabs[4][-1]]
            got['t4'] = {'R': last[0:5], 'S': last[5:10], 'P': last[10:15]}
            for k in ('index_number', 'organ', 'published'):
                if e[k] not in text:
                    problems.append('%s: %s missing' % (name, k))
            notes.append('rowspan x%d, colspan x%d, &nbsp; x%d' % (
                text.count('rowspan='), text.count('colspan='), text.count('&nbsp;')))
            body = blocks[blocks.index(('p', h1[0], 'h1')) + 1:]
            narrative = [b[1] for b in body if b[0] == 'p' and b[2] == 'p'
                         and len(b[1].strip()) > 25 and '主办单位' not in b[1]
                         and not re.match(r'^[一二三四五六]、', b[1].strip())]
            alltext = '\n'.join(b[1] for b in blocks if b[0] == 'p')
        else:
            raw = open(path, 'rb').read()
            enc = 'gb18030' if 'gb18030' in name else 'utf-8'
            text = raw.decode(enc)
            if enc == 'gb18030':
                try:
                    raw.decode('utf-8')
                    problems.append('%s decodes as UTF-8 too' % name)
                except UnicodeDecodeError:
                    notes.append('not valid UTF-8 (good), decodes as GB18030')
            lines = text.split('\n')
            title = next(l for l in lines if l.strip()).strip()
            heads = headings_of(lines)
            r2, r3, r4 = regions_from_lines(lines)
            t2, _ = read_tokens(r2, T2_KEYS[fmt], T2_ANCHORS, T2_WIDTH[fmt])
            t3, run = read_tokens(r3, T3_KEYS[fmt], T3_ANCHORS, {k: 7 for k in T3_ANCHORS})
            got['t2'], got['t3'], got['t4'] = t2, t3, read_t4_tokens(r4)
            if run:
                notes.append('run together: %s' % ', '.join(
                    '%s=%s -> %d split(s)' % (k, v, len(splits(v))) for k, v in run.items()))
            for k, v in run.items():
                c = splits(v)
                if 'ambiguous' not in e:
                    if len(c) != 1:
                        problems.append('%s: %s has %d splits' % (name, k, len(c)))
                    got['t3'][k] = c[0]
            i2 = next(i for i, l in enumerate(lines) if l.startswith('二、主动公开'))
            i5 = next(i for i, l in enumerate(lines) if l.startswith('五、'))
            narrative = [l for l in lines[:i2] + lines[i5:] if l.strip()
                         and l.strip() not in heads and l.strip() != title]
            alltext = text
            if 'xishan' in name:
                notes.append('full-width digits: %d, footer line: %s' % (
                    sum(text.count(c) for c in '０１２３４５６７８９'), '— 5 —' in text))
            if 'nanhe' in name:
                notes.append("stray space cell '1 2': %s" % ('| 1 2 |' in text))
        # title and headings
        tnorm = re.sub(r'\s+', '', title)
        if tnorm != e['title']:
            problems.append('%s: title %r' % (name, title))
        if not name.startswith('huazhuang') and not re.fullmatch(
                r'示例县.{2}[镇乡]人民政府\d{4}年政府信息公开工作年度报告', tnorm):
            problems.append('%s: title pattern' % name)
        nums = [h[0] for h in heads]
        if [x for x in '一二三四五六' if x not in nums]:
            problems.append('%s: headings %s' % (name, heads))
        notes.append('%d narrative paragraphs' % len(narrative))
        if 'huazhuang' not in name and not 2 <= len(narrative) <= 6:
            problems.append('%s: %d narrative paragraphs' % (name, len(narrative)))
        if '年度报告' not in title:
            problems.append(name + ': title')
        # tables
        if 'ambiguous' in e:
            amb = e['ambiguous']
            rows = [k for k, v in run.items()]
            ok = []
            for combo in itertools.product(*[splits(run[k]) for k in rows]):
                t3 = dict(got['t3'])
                t3.update(dict(zip(rows, combo)))
                if not t3_findings(t3):
                    ok.append(dict(zip(rows, combo)))
            c1 = sorted({tuple(o['C1']) for o in ok})
            notes.append('%d consistent candidate tables; C1 candidates %s' % (len(ok), c1))
            if len(c1) < 2 or [list(x) for x in c1] != amb['candidates'] \
                    or rows != amb['run_together_rows']:
                problems.append('%s: ambiguity %s' % (name, c1))
            f = t4_findings(got['t4']) + t2_findings(got['t2'], fmt)
        else:
            for tk in ('t2', 't3', 't4'):
                if got[tk] != e[tk]:
                    problems.append('%s: %s read %s, expected %s' % (name, tk, got[tk], e[tk]))
            f = t3_findings(got['t3']) + t4_findings(got['t4']) + t2_findings(got['t2'], fmt)
        if f:
            problems.append('%s: rule findings %s' % (name, f))
        # N-1: narrative count agrees with N's total
        m = re.search(r'共收到政府信息公开申请\s*(\d+)\s*件', alltext)
        if m and 'ambiguous' not in e and m.group(1) != got['t3']['N'][6]:
            problems.append('%s: N-1 %s vs %s' % (name, m.group(1), got['t3']['N'][6]))
        print('%-32s %7d bytes  %s  rules: %s  %s' % (
            name, os.path.getsize(path), fmt, 'ok' if not f else f, '; '.join(notes)))
    if problems:
        print('PROBLEMS:')
        for p in problems:
            print('  ' + p)
        return 1
    print('all fixtures check out')
    return 0


def main():
    if '--check' not in sys.argv:
        write('portal.yml', PORTAL_YML.encode('utf-8'))
        make_huazhuang()
        make_chengguan_2024_docx()
        make_donghu_html()
        make_xishan()
        make_nanhe()
        make_beiling()
        make_chengguan_2023()
        make_chengguan_2022()
        make_qingshi()
        dump_expected()
    sys.exit(check())


if __name__ == '__main__':
    main()
