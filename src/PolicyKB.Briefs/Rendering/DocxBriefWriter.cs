using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyKB.Briefs;

/// <summary>
/// The brief as a Word document: title block, 目录 (a TOC field whose cached result is the written list, so it reads
/// right before Word updates it), Heading1..3 styles defined in the styles part, and the items.
/// </summary>
internal static class DocxBriefWriter
{
    private const string BodyFont = "SimSun";
    private const string HeadingFont = "SimHei";

    public static RenderedBrief Render(Brief brief)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para(brief.Name, "Title"));
            foreach (var line in TitleBlock.Lines(brief)) body.Append(Para(line, "Subtitle"));

            body.Append(Para("目 录", "TOCHeading"));
            AppendTableOfContents(body, brief);

            foreach (var section in BriefOutline.Sections(brief))
            {
                body.Append(Para(section.Heading, $"Heading{section.Level}"));
                foreach (var item in section.Items)
                {
                    body.Append(Para(item.NumberedTitle, $"Heading{section.Level + 1}"));
                    if (item.UsedInIssue is { } n) body.Append(Para($"（已见于总第 {n} 期）", "SourceLine"));
                    foreach (var p in item.Paragraphs) body.Append(Para(p, "BodyText"));
                    if (item.Status is { } status) body.Append(Para(status, "SourceLine"));
                    body.Append(SourceParagraph(main, item.Source));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },   // A4 in twentieths of a point
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1588U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document.Save();
        }
        return new RenderedBrief(stream.ToArray(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    }

    /// <summary>A TOC field over heading levels 1-3; its result is the written 目录 (section headings and item titles).</summary>
    private static void AppendTableOfContents(Body body, Brief brief)
    {
        var entries = BriefOutline.Sections(brief)
            .SelectMany(s => s.Items.Select(i => (Text: i.NumberedTitle, Level: s.Level + 1)).Prepend((Text: s.Heading, Level: s.Level)))
            .ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"TOC{entries[i].Level}" }));
            if (i == 0)
                p.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                    new Run(new FieldCode(@" TOC \o ""1-3"" \h \z \u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            p.Append(TextRun(entries[i].Text));
            if (i == entries.Count - 1) p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            body.Append(p);
        }
    }

    private static Paragraph SourceParagraph(MainDocumentPart main, BriefSource source)
    {
        var p = Para(source.Text, "SourceLine");
        if (SafeUrl.For(source.Url) is { } url)
        {
            var rel = main.AddHyperlinkRelationship(new Uri(url), isExternal: true);
            p.Append(new Run(new Break()),
                new Hyperlink(new Run(new RunProperties(new Color { Val = "1F4E79" }, new Underline { Val = UnderlineValues.Single }),
                    new Text(url))) { Id = rel.Id });
        }
        return p;
    }

    private static Paragraph Para(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    /// <summary>A run of plain text; characters XML cannot hold (control characters) are dropped.</summary>
    private static Run TextRun(string text) =>
        new(new Text(new string(text.Where(c => c >= ' ' || c == '\t').ToArray())) { Space = SpaceProcessingModeValues.Preserve });

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = BodyFont },
                    new FontSize { Val = "24" }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", "Normal", size: 44, bold: true, font: HeadingFont, center: true, color: "1A5E20"),
            Style("Subtitle", "Subtitle", "Normal", size: 24, center: true),
            Style("TOCHeading", "TOC Heading", "Normal", size: 32, bold: true, font: HeadingFont, center: true),
            Heading(1, size: 32), Heading(2, size: 28), Heading(3, size: 24),
            Style("TOC1", "toc 1", "Normal", bold: true),
            Style("TOC2", "toc 2", "Normal", indent: 420),
            Style("TOC3", "toc 3", "Normal", indent: 840),
            Style("BodyText", "Body Text", "Normal", firstLineChars: 200),
            Style("SourceLine", "Source Line", "Normal", size: 20, color: "555555"));
        return styles;
    }

    // The outline level is what TOC \o and Word's navigation pane read.
    private static Style Heading(int level, int size) =>
        Style($"Heading{level}", $"heading {level}", "Normal", size: size, bold: true, font: HeadingFont,
            color: level == 1 ? "1A5E20" : null, outlineLevel: level - 1);

    private static Style Style(string id, string name, string? basedOn, bool isDefault = false, int? size = null, bool bold = false,
        string? font = null, bool center = false, string? color = null, int? indent = null, int? firstLineChars = null, int? outlineLevel = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());

        // Children in schema order: keepNext, ind, jc, outlineLvl.
        var pPr = new StyleParagraphProperties();
        if (outlineLevel is not null) pPr.Append(new KeepNext());
        if (indent is not null) pPr.Append(new Indentation { Left = indent.Value.ToString(CultureInfo.InvariantCulture) });
        else if (firstLineChars is not null) pPr.Append(new Indentation { FirstLineChars = firstLineChars });
        if (center) pPr.Append(new Justification { Val = JustificationValues.Center });
        if (outlineLevel is not null) pPr.Append(new OutlineLevel { Val = outlineLevel });
        style.Append(pPr);

        var rPr = new StyleRunProperties();
        if (font is not null) rPr.Append(new RunFonts { EastAsia = font });
        if (bold) rPr.Append(new Bold());
        if (color is not null) rPr.Append(new Color { Val = color });
        if (size is not null) rPr.Append(new FontSize { Val = size.Value.ToString(CultureInfo.InvariantCulture) });
        style.Append(rPr);
        return style;
    }
}
