using PolicyKB.Corpus.Vocabulary;
using PolicyKB.Model;

namespace PolicyKB.Corpus;

/// <summary>The body of a document, laid out as its kind is: salutation, preamble, numbered sections, closing.</summary>
internal static class BodyComposer
{
    /// <summary>Roughly how many characters one numbered section takes.</summary>
    private const int SectionLength = 1100;

    /// <summary>The body blocks, and how many of them come before the signature (a transmittal signs before the transmitted text).</summary>
    public static (IReadOnlyList<BodyBlock> Body, int SignatureAt) Compose(TextComposer c, Rng rng, DocumentShape shape, string? innerTitle, int targetLength)
    {
        var blocks = new List<BodyBlock>();
        var signatureAt = -1;
        switch (shape.Kind)
        {
            case ShapeKind.Transmittal:
                blocks.Add(BodyBlock.Paragraph(rng.Pick(Phrases.Salutations)));
                blocks.Add(BodyBlock.Paragraph(c.Fill(rng.Pick(Sentences.Transmittal).Replace("{S}", innerTitle))));
                signatureAt = blocks.Count;
                blocks.Add(BodyBlock.Heading(innerTitle!, 0));
                break;
            case ShapeKind.Letter:
                blocks.Add(BodyBlock.Paragraph(c.Fill("{R}") + (rng.Chance(0.5) ? "人民政府：" : "生态环境厅：")));
                blocks.Add(BodyBlock.Paragraph($"你单位《关于{c.Fill("{S}")}有关问题的请示》收悉。经研究，现函复如下："));
                break;
            case ShapeKind.Announcement:
                break;
            default:
                blocks.Add(BodyBlock.Paragraph(rng.Pick(Phrases.Salutations)));
                break;
        }
        blocks.Add(BodyBlock.Paragraph(c.Paragraph(TextComposer.Purpose, 1, 3)));

        var length = blocks.Sum(b => b.Text.Length);
        var remaining = targetLength - length;
        if (remaining > SectionLength)
            AddSections(blocks, c, rng, remaining);
        else
            while (remaining > 0)
            {
                var p = c.Paragraph(TextComposer.Tasks, 1, 4);
                blocks.Add(BodyBlock.Paragraph(p));
                remaining -= p.Length;
            }

        blocks.Add(BodyBlock.Paragraph(c.Fill(shape.Kind switch
        {
            ShapeKind.Announcement => "特此公告。",
            ShapeKind.Letter => "特此函复。",
            _ => rng.Pick(Sentences.Closings),
        })));
        return (blocks, signatureAt < 0 ? blocks.Count : signatureAt);
    }

    /// <summary>一、 sections: the first states goals, the last safeguards, the ones between tasks; each holds （一） paragraphs.</summary>
    private static void AddSections(List<BodyBlock> blocks, TextComposer c, Rng rng, int remaining)
    {
        var sections = Math.Clamp(remaining / SectionLength, 2, Phrases.ChineseNumerals.Count);
        var perSection = remaining / sections;
        for (var s = 0; s < sections; s++)
        {
            var (heading, templates) = s switch
            {
                0 => (rng.Chance(0.7) ? "总体要求" : "主要目标", TextComposer.Goals),
                _ when s == sections - 1 => (rng.Chance(0.7) ? "保障措施" : "组织实施", TextComposer.Safeguards),
                _ => (rng.Chance(0.3) ? rng.Pick(Phrases.SectionHeadings) : c.Sentence(TextComposer.SubHeadings).TrimEnd('。'), TextComposer.Tasks),
            };
            blocks.Add(BodyBlock.Heading($"{Phrases.ChineseNumerals[s]}、{heading}", 1));
            var written = 0;
            // The goals section opens with an unnumbered paragraph; numbering (（一）（二）…) counts the rest.
            for (int k = 0, numbered = 0; written < perSection && numbered < Phrases.ChineseNumerals.Count; k++)
            {
                var lead = s == 0 && k == 0 ? "" : $"（{Phrases.ChineseNumerals[numbered++]}）{c.Sentence(TextComposer.SubHeadings)}";
                var p = lead + c.Paragraph(templates, 2, 6);
                blocks.Add(BodyBlock.Paragraph(p));
                written += p.Length;
            }
        }
    }
}
