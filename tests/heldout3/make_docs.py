"""Make the two binary documents of the third held-out batch (run once; the outputs are committed).

    .venv/bin/python tests/heldout3/make_docs.py

- ``docs/w1_report_add_wgsom_en.docx``: an English draft report addendum of the Working Group on
  the Smuggling of Migrants, shaped like a UN Word file (header table, typed paragraph numbers and
  tabs, a page header that holds the symbol).
- ``docs/w2_note_cop_review_en.pdf``: an English note by the Secretariat to the Conference on the
  Review Mechanism, set like a UN PDF (Times-Roman, justified, page headers with the symbol and
  the job number, a page counter, footnotes at page bottoms under a drawn separator line, callout
  numbers raised after the words, a paragraph broken by a page).

Both are written from the texts below; nothing depends on unkg.
"""
from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"

# ---------------------------------------------------------------------------------------------
# 1. DOCX
# ---------------------------------------------------------------------------------------------

W1_SYMBOL = "CTOC/COP/WG.7/2023/L.1/Add.1"

W1_BODY = [
    ("h1", "II.\tRecommendations (continued)"),
    ("h2", "B.\tRecommendations on the protection of the rights of smuggled migrants"),
    ("p", "2.\tThe Working Group recommended that the Conference consider adopting the following "
          "recommendations. States parties should:"),
    ("item", "(a)\tEnsure that migrants do not become liable to criminal prosecution under the Protocol "
             "for the fact of having been the object of conduct set forth in article 6 thereof, in line "
             "with article 5 of the Protocol;"),
    ("item", "(b)\tTake all appropriate measures, consistent with their obligations under article 16, "
             "paragraph 1, of the Protocol, to preserve and protect the rights of smuggled migrants, in "
             "particular the right to life and the right not to be subjected to torture or other cruel, "
             "inhuman or degrading treatment or punishment;"),
    ("item", "(c)\tConsider establishing \u201cfirewalls\u201d between public service providers and "
             "immigration enforcement authorities, so that smuggled migrants may report crimes committed "
             "against them without fear of detention or removal;"),
    ("item", "(d)\tStrengthen cooperation to prevent and suppress the smuggling of migrants by sea, in "
             "accordance with articles 7 and 8 of the Protocol, and, in line with the International "
             "Convention for the Safety of Life at Sea and the International Convention on Maritime "
             "Search and Rescue, ensure that persons in distress at sea are rescued without delay;"),
    ("item", "(e)\tCooperate closely with the International Organization for Migration (IOM) and the "
             "Office of the United Nations High Commissioner for Refugees (UNHCR) to identify smuggled "
             "migrants who are in need of international protection and refer them to the appropriate "
             "procedures;"),
    ("item", "(f)\tProvide the United Nations Office on Drugs and Crime (UNODC) with cases for inclusion "
             "in the Smuggling of Migrants Case Law Database of the Sharing Electronic Resources and "
             "Laws on Crime (SHERLOC) knowledge management portal;"),
    ("item", "(g)\tSupport the Observatory on Smuggling of Migrants and share with it data on smuggling "
             "routes and modi operandi, with due regard for the protection of personal data;"),
    ("item", "(h)\tEncourage their national authorities to make use of the Smuggling of Migrants "
             "Knowledge Portal and of the training materials developed by UNODC under the Global Action "
             "against Trafficking in Persons and the Smuggling of Migrants (GLO.ACT)."),
    ("p", "3.\tThe Working Group also recommended that the Secretariat continue to collect and "
          "disseminate information on good practices in the investigation and prosecution of the "
          "smuggling of migrants by sea."),
    ("h1", "III.\tSummary of deliberations (continued)"),
    ("p", "4.\tSeveral speakers stressed that the smuggling of migrants and trafficking in persons were "
          "distinct crimes, although smuggled migrants could become victims of trafficking along the "
          "route, and that the Organized Crime Convention and its Protocols provided a sound basis for "
          "international cooperation. Some speakers referred to the Global Compact for Safe, Orderly "
          "and Regular Migration and to the International Migration Review Forum (see General Assembly "
          "resolution 73/326)."),
    ("p", "5.\tThe representative of Mexico described cooperation with Guatemala and Honduras in "
          "dismantling smuggling networks operating along the migration route towards the United "
          "States of America."),
    ("p", "6.\tThe representative of Italy referred to search and rescue operations in the central "
          "Mediterranean and to the cooperation of the Italian authorities with Frontex and Europol."),
    ("p", "7.\tThe representative of the Niger described the work of a joint investigation team "
          "established with France, which had led to the conviction of several smugglers operating "
          "between Agadez and the border with Libya."),
    ("p", "8.\tOne speaker recommended that the Working Group devote a future meeting to the use of "
          "digital technologies by smugglers. Several speakers welcomed the technical assistance "
          "provided by UNODC and called on donors to provide extrabudgetary resources for that purpose."),
    ("h1", "IV.\tOrganization of the meeting"),
    ("h2", "B.\tStatements (continued)"),
    ("p", "9.\tStatements were made under agenda items 2 and 3 by representatives of the following "
          "States parties to the Protocol: Algeria, Argentina, Australia, Brazil, Burkina Faso, Canada, "
          "Colombia, Egypt, France, Germany, Greece, Italy, Mexico, Morocco, Niger, Nigeria, "
          "Philippines, Spain, T\u00fcrkiye, United Kingdom of Great Britain and Northern Ireland and "
          "Venezuela (Bolivarian Republic of)."),
    ("p", "10.\tThe representative of the European Union, a regional economic integration "
          "organization that is a party to the Protocol, also made a statement."),
    ("p", "11.\tThe observer for Thailand, a State signatory to the Protocol, also made a statement."),
    ("p", "12.\tThe observer for China, a State that has neither signed nor ratified the Protocol, also "
          "made a statement."),
    ("p", "13.\tStatements were also made by the observers for the International Organization for "
          "Migration and the Office of the United Nations High Commissioner for Refugees."),
]


def make_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    section = d.sections[0]
    section.header.paragraphs[0].text = W1_SYMBOL  # page furniture: python-docx/unkg do not read it

    top = d.add_table(rows=1, cols=2)
    top.cell(0, 0).text = "United Nations"
    top.cell(0, 1).text = W1_SYMBOL
    top.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text = ("Conference of the Parties to the United Nations Convention against "
                            "Transnational Organized Crime")
    right = head.cell(0, 1)
    right.text = "Distr.: Limited"
    right.add_paragraph("5 July 2023")
    right.add_paragraph("")
    right.add_paragraph("Original: English")
    d.add_paragraph("")
    for text in ("Working Group on the Smuggling of Migrants", "Vienna, 3\u20135 July 2023"):
        d.add_paragraph(text)
    d.add_paragraph("")
    for text in ("Draft report", "Addendum"):
        p = d.add_paragraph()
        p.add_run(text).bold = True
    for kind, text in W1_BODY:
        p = d.add_paragraph()
        run = p.add_run(text)
        if kind in ("h1", "h2"):
            run.bold = True
        if kind == "item":
            p.paragraph_format.first_line_indent = Pt(36)
            p.runs[0].text = "\t" + text
        if kind in ("p", "item"):
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    d.core_properties.title = "Draft report - Addendum"
    d.core_properties.author = "UNODC"
    d.save(path)


# ---------------------------------------------------------------------------------------------
# 2. PDF
# ---------------------------------------------------------------------------------------------

W2_SYMBOL = "CTOC/COP/2022/4"
W2_JOB = "V.22-01234"

# Paragraphs: (kind, text); <super>n</super> marks a footnote callout.
W2_BODY = [
    ("h1", "I.\u2003Introduction"),
    ("p", "1.\u2003In its resolution 9/1, the Conference of the Parties to the United Nations Convention "
          "against Transnational Organized Crime established the Mechanism for the Review of the "
          "Implementation of the United Nations Convention against Transnational Organized Crime and the "
          "Protocols thereto and adopted the procedures and rules for the functioning of the Mechanism "
          "(Conference resolution 9/1, annex).<super>1</super> The present note has been prepared "
          "pursuant to paragraph 8 of that resolution, in which the Conference requested the Secretariat "
          "to report on the progress made in the review process."),
    ("p", "2.\u2003Article 32, paragraph 3 (d), of the Convention provides that the Conference shall agree "
          "upon mechanisms for periodically reviewing the implementation of the Convention, and "
          "paragraph 5 of that article requires each State party to provide the Conference with "
          "information on its programmes, plans and practices, as well as legislative and administrative "
          "measures to implement the Convention. In designing the Mechanism, the Conference drew on the "
          "experience of the Implementation Review Mechanism of the United Nations Convention against "
          "Corruption, established pursuant to article 63, paragraph 7, of that Convention."),
    ("p", "3.\u2003In its decisions 5/1 and 5/2,<super>2</super> the Conference had already stressed the "
          "importance of gathering information on the implementation of the Convention and the "
          "Protocols thereto. In its resolution 10/1, the Conference took note of the launch of the "
          "review process and urged States parties to engage actively in it. The General Assembly, in "
          "its resolution 76/187, welcomed the launch of the Mechanism."),
    ("h1", "II.\u2003Status of the review process"),
    ("h2", "A.\u2003Thematic clusters and the drawing of lots"),
    ("p", "4.\u2003The reviews are conducted in four thematic clusters, as set out in the appendix to the "
          "procedures and rules. The first cluster, on criminalization and jurisdiction, covers "
          "articles 5, 6, 8, 9, 10, 15 and 23 of the Convention, article 5 of the Trafficking in Persons "
          "Protocol, article 6 of the Smuggling of Migrants Protocol and article 5 of the Firearms "
          "Protocol."),
    ("p", "5.\u2003The drawing of lots to determine the reviewing States parties for the first year of the "
          "review process took place during the intersessional meetings of the working groups, in "
          "accordance with rule 12 of the rules of procedure for the Conference of the Parties and the "
          "relevant provisions of the procedures and rules.<super>3</super> As at 30 June 2022, 132 States "
          "parties had submitted their responses to the self-assessment questionnaires through the "
          "secure module for the review process (RevMod) of the Sharing Electronic Resources and Laws on "
          "Crime (SHERLOC) knowledge management portal, among them Austria, Brazil, "
          "C\u00f4te d\u2019Ivoire, Kenya and the Philippines."),
    ("h2", "B.\u2003Constructive dialogues in the working groups"),
    ("p", "6.\u2003In accordance with the procedures and rules, the general review is conducted by the "
          "working groups of the Conference. Constructive dialogues on the first cluster were held at "
          "the meetings of the Working Group on Trafficking in Persons, the Working Group on the "
          "Smuggling of Migrants, the Working Group on Firearms and the Working Group of Government "
          "Experts on Technical Assistance held in 2022.<super>4</super> Speakers in those working groups "
          "stressed the importance of the participation of non-governmental organizations in the "
          "review process, while others recalled the intergovernmental, non-adversarial and "
          "non-punitive character of the Mechanism."),
    ("p", "7.\u2003In accordance with paragraph 53 of the procedures and rules, the working groups also "
          "held constructive dialogues with relevant stakeholders, including non-governmental "
          "organizations, academia and the private sector. Among the organizations that contributed "
          "were the Global Initiative against Transnational Organized Crime, the International "
          "Association of Penal Law and La Strada International. The participants in those dialogues "
          "noted that many of the challenges identified, such as the lack of reliable data on the "
          "number of investigations and prosecutions, were common to all regions, and they welcomed "
          "the guidance material on the Mechanism that the Secretariat had made available in all six "
          "official languages of the United Nations."),
    ("h2", "C.\u2003Funding of the Mechanism"),
    ("p", "8.\u2003In accordance with paragraph 52 of the procedures and rules, the Mechanism is funded "
          "from the regular budget and from voluntary contributions. Since the launch of the review "
          "process, extrabudgetary contributions have been received from the Governments of France, "
          "Germany, Italy, Qatar and the United States of America, and from the European Union. The "
          "United Nations Office on Drugs and Crime (UNODC) has used them to train focal points and "
          "governmental experts in all regions."),
    ("h1", "III.\u2003Conclusions and recommendations"),
    ("p", "9.\u2003In the light of the above, the following recommendations are submitted for "
          "consideration by the Conference:"),
    ("item", "(a)\u2003States parties that have not yet done so should designate their focal points and "
             "governmental experts for the review process and submit their responses to the "
             "self-assessment questionnaires without further delay;"),
    ("item", "(b)\u2003States parties in a position to do so are encouraged to provide extrabudgetary "
             "contributions for the functioning of the Mechanism;"),
    ("item", "(c)\u2003The Conference may wish to consider requesting the Secretariat to prepare, for its "
             "twelfth session, an analysis of the challenges identified in the reviews of the first "
             "cluster, building on the report of the Secretariat on the activities of UNODC "
             "(CTOC/COP/2022/2)."),
]

W2_FOOTNOTES = {
    1: "See CTOC/COP/2018/13, sect. I.A.",
    2: "See CTOC/COP/2010/17, sect. I.B.",
    3: "For the results of the drawing of lots, see CTOC/COP/WG.2/2021/2 and CTOC/COP/WG.4/2021/3.",
    4: "See the reports of those meetings (CTOC/COP/WG.4/2022/3 and CTOC/COP/WG.7/2022/5).",
}


def make_pdf(path: Path) -> None:
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    width, height = A4
    left, right = 38 * mm, width - 22 * mm
    col = right - left
    top, bottom = height - 30 * mm, 28 * mm
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12, alignment=TA_JUSTIFY,
                          spaceAfter=6)
    item = ParagraphStyle("item", parent=body, firstLineIndent=24)
    h1 = ParagraphStyle("h1", fontName="Times-Bold", fontSize=11, leading=14, alignment=TA_LEFT,
                        spaceBefore=8, spaceAfter=8, leftIndent=-18)
    h2 = ParagraphStyle("h2", parent=h1, fontSize=10, leading=12, leftIndent=-12)
    fn_style = ParagraphStyle("fn", fontName="Times-Roman", fontSize=8, leading=9.5, leftIndent=10,
                              firstLineIndent=-10)
    styles = {"p": body, "item": item, "h1": h1, "h2": h2}

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(W2_SYMBOL)
    pages: list[list] = []  # filled below, then drawn with "n/N"

    def fn_height(nums):
        return sum(Paragraph(f"{n}\u2003{W2_FOOTNOTES[n]}", fn_style).wrap(col, height)[1] + 2
                   for n in nums) + (8 if nums else 0)

    # -- lay out: each page is (flowables with y, footnote numbers)
    first_page_top = height - 130 * mm
    page: list = []
    notes: list[int] = []
    y = first_page_top
    queue = [Paragraph(t, styles[k]) for k, t in W2_BODY]
    while queue:
        para = queue.pop(0)
        callouts = [n for n in W2_FOOTNOTES if f"<super>{n}</super>" in (getattr(para, "text", None) or "")]
        w, h = para.wrap(col, height)
        space = para.style.spaceBefore + para.style.spaceAfter
        room = y - bottom - fn_height(notes + callouts)
        if h + space <= room:
            page.append((para, y - para.style.spaceBefore - h))
            y -= h + space
            notes += callouts
            continue
        parts = para.split(col, room - space) if room > 3 * para.style.leading else []
        if len(parts) == 2:
            first, rest = parts
            _, fh = first.wrap(col, height)
            page.append((first, y - para.style.spaceBefore - fh))
            notes += callouts  # the callouts fall in the first part here
            queue.insert(0, rest)
        else:
            queue.insert(0, para)
        pages.append((page, notes))
        page, notes, y = [], [], top

    if page:
        pages.append((page, notes))
    total = len(pages)

    def furniture(n: int) -> None:
        c.setFont("Times-Bold", 9)
        if n == 1:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(left - 18, height - 22 * mm, "United Nations")
            c.setFont("Helvetica-Bold", 14)
            c.drawRightString(right, height - 22 * mm, W2_SYMBOL)
            c.setLineWidth(1.5)
            c.line(left - 18, height - 25 * mm, right, height - 25 * mm)
            c.setFont("Helvetica-Bold", 12)
            y0 = height - 36 * mm
            for line in ("Conference of the Parties to the", "United Nations Convention",
                         "against Transnational", "Organized Crime"):
                c.drawString(left - 18, y0, line)
                y0 -= 14
            c.setFont("Times-Roman", 10)
            y0 = height - 36 * mm
            for line in ("Distr.: General", "2 August 2022", "", "Original: English"):
                c.drawString(right - 45 * mm, y0, line)
                y0 -= 12
            c.line(left - 18, height - 62 * mm, right, height - 62 * mm)
            y0 = height - 70 * mm
            c.setFont("Times-Bold", 10)
            c.drawString(left - 18, y0, "Eleventh session")
            c.setFont("Times-Roman", 10)
            c.drawString(left - 18, y0 - 12, "Vienna, 17\u201321 October 2022")
            c.drawString(left - 18, y0 - 24, "Item 2 of the provisional agenda*")
            c.setFont("Times-Bold", 10)
            c.drawString(left - 18, y0 - 36, "Review Mechanism")
            c.setFont("Helvetica-Bold", 14)
            title = ["Progress made in the implementation of the Mechanism for",
                     "the Review of the Implementation of the United Nations",
                     "Convention against Transnational Organized Crime and the",
                     "Protocols thereto"]
            y1 = y0 - 62
            for line in title:
                c.drawString(left, y1, line)
                y1 -= 17
            c.setFont("Times-Bold", 11)
            c.drawString(left, y1 - 6, "Note by the Secretariat")
            c.setFont("Times-Roman", 8)
            c.drawString(left - 18, 18 * mm, f"{W2_JOB} (E)    020822    030822")
            c.setFont("Courier-Bold", 10)
            c.drawString(left - 18, 13 * mm, "*2201234*")
        else:
            c.setFont("Times-Bold", 9)
            if n % 2 == 0:
                c.drawString(left - 18, height - 16 * mm, W2_SYMBOL)
                c.setFont("Times-Roman", 8)
                c.drawString(left - 18, 14 * mm, f"{n}/{total}")
                c.drawRightString(right, 14 * mm, W2_JOB)
            else:
                c.drawRightString(right, height - 16 * mm, W2_SYMBOL)
                c.setFont("Times-Roman", 8)
                c.drawString(left - 18, 14 * mm, W2_JOB)
                c.drawRightString(right, 14 * mm, f"{n}/{total}")
            c.setLineWidth(0.5)
            c.line(left - 18, height - 18 * mm, right, height - 18 * mm)

    for n, (flows, nums) in enumerate(pages, start=1):
        furniture(n)
        for para, ypos in flows:
            para.wrap(col, height)
            para.drawOn(c, left, ypos)
        fns = ([("*", "CTOC/COP/2022/1.")] if n == 1 else []) + [(k, W2_FOOTNOTES[k]) for k in nums]
        if fns:
            paras = [Paragraph(f"{k}\u2003{t}", fn_style) for k, t in fns]
            hs = [p.wrap(col, height)[1] + 2 for p in paras]
            yb = bottom + sum(hs)
            c.setLineWidth(0.5)
            c.line(left, yb + 4, left + 45 * mm, yb + 4)  # the separator: a drawn line, no text
            for p, h in zip(paras, hs):
                yb -= h
                p.drawOn(c, left, yb)
        c.showPage()
    c.save()


if __name__ == "__main__":
    DOCS.mkdir(parents=True, exist_ok=True)
    make_docx(DOCS / "w1_report_add_wgsom_en.docx")
    make_pdf(DOCS / "w2_note_cop_review_en.pdf")
    print("wrote", *sorted(p.name for p in DOCS.iterdir()))
