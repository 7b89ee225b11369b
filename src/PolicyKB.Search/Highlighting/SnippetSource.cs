namespace PolicyKB.Search.Highlighting;

/// <summary>
/// What a text's snippets are cut from: the text, its fold (what matches are searched in) and what no query changes
/// (<see cref="SnippetHighlighter.Prepare"/>), read from the index as spans over the stored bytes without a copy.
/// </summary>
internal readonly ref struct SnippetSource
{
    public SnippetSource(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, ReadOnlySpan<int> sentenceEnds, int own, int lead)
    {
        if (folded.Length != text.Length) throw new ArgumentException("A fold is as long as its text.", nameof(folded));
        Text = text;
        Folded = folded;
        SentenceEnds = sentenceEnds;
        Own = own;
        Lead = lead;
    }

    public ReadOnlySpan<char> Text { get; }

    /// <summary>The text folded as the recall fields fold it, char for char.</summary>
    public ReadOnlySpan<char> Folded { get; }

    /// <summary>Where sentences close, ascending: every sentence end (。！？；!?; or a line end) and the text's last character.</summary>
    public ReadOnlySpan<int> SentenceEnds { get; }

    /// <summary>Where the text's own words start (after a title it opens with), else 0.</summary>
    public int Own { get; }

    /// <summary>Where the lead starts (after addressees or a salutation), shown when nothing matches.</summary>
    public int Lead { get; }
}
