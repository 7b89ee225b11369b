using System.Text;

namespace PolicyKB.Briefs;

/// <summary>The brief as Markdown: the title block, 目录, then the sections with their items.</summary>
internal static class MarkdownBriefWriter
{
    public static RenderedBrief Render(Brief brief)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(brief.Name)).Append("\n\n");
        foreach (var line in TitleBlock.Lines(brief)) md.Append(Escape(line)).Append("\n\n");

        md.Append("## 目录\n\n");
        foreach (var section in BriefOutline.Sections(brief))
        {
            md.Append("**").Append(Escape(section.Heading)).Append("**\n\n");
            if (section.Items.Count == 0) continue;
            foreach (var item in section.Items) md.Append(item.Ordinal).Append(". ").Append(Escape(item.Title)).Append('\n');
            md.Append('\n');
        }

        foreach (var section in BriefOutline.Sections(brief))
        {
            md.Append(new string('#', section.Level + 1)).Append(' ').Append(Escape(section.Heading)).Append("\n\n");
            foreach (var item in section.Items)
            {
                md.Append(new string('#', section.Level + 2)).Append(' ').Append(Escape(item.NumberedTitle)).Append("\n\n");
                if (item.UsedInIssue is { } n) md.Append("*（已见于总第 ").Append(n).Append(" 期）*\n\n");
                foreach (var p in item.Paragraphs) md.Append(Escape(p)).Append("\n\n");
                if (item.Status is { } status) md.Append("**").Append(Escape(status)).Append("**\n\n");
                md.Append("> ").Append(Escape(item.Source.Text)).Append('\n');
                if (SafeUrl.For(item.Source.Url) is { } url) md.Append(">\n> <").Append(url).Append(">\n");
                md.Append('\n');
            }
        }
        return new RenderedBrief(Encoding.UTF8.GetBytes(md.ToString()), "text/markdown; charset=utf-8", ".md");
    }

    /// <summary>Backslash-escapes the characters Markdown would read as markup, so document text stays text.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '&') sb.Append('\\');
            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return sb.ToString();
    }
}
