using System.Text.RegularExpressions;

namespace PolicyKB.Model;

/// <summary>One named pattern of an editable rules file, with the examples it must match and the keeps it must not.</summary>
public sealed record TextPattern(string Name, Regex Pattern, IReadOnlyList<string> Examples, IReadOnlyList<string> Keeps);

/// <summary>A pattern as a rules file writes it (JSON: name, pattern, examples, keeps).</summary>
public sealed record PatternEntry(string? Name, string? Pattern, List<string>? Examples, List<string>? Keeps);

/// <summary>
/// The patterns of the editable rules files (data/briefs/summary-rules.json, data/status-rules.json): each must compile,
/// match every example it gives and none of its keeps, so a file that no longer says what its examples say is refused
/// with the entry's name.
/// </summary>
public static class TextPatterns
{
    /// <param name="anchored">whether a match must start the example (openings cut from a paragraph's start)</param>
    public static List<TextPattern> Compile(IReadOnlyList<PatternEntry>? entries, string list, bool anchored, List<string> problems)
    {
        var result = new List<TextPattern>();
        foreach (var (e, i) in (entries ?? []).Select((e, i) => (e, i)))
        {
            var name = string.IsNullOrWhiteSpace(e.Name) ? $"{list}[{i}]" : $"{list} '{e.Name}'";
            Regex regex;
            try { regex = new Regex(e.Pattern ?? "", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException x) { problems.Add($"{name}: bad pattern ({x.Message})"); continue; }
            var examples = e.Examples ?? [];
            var keeps = e.Keeps ?? [];
            if (string.IsNullOrWhiteSpace(e.Pattern)) problems.Add($"{name}: empty pattern");
            if (examples.Count == 0) problems.Add($"{name}: needs at least one example");
            foreach (var x in examples.Where(x => !Matches(regex, x, anchored)))
                problems.Add($"{name}: does not match its example '{x}'");
            foreach (var k in keeps.Where(k => Matches(regex, k, anchored)))
                problems.Add($"{name}: matches '{k}', which it must keep");
            result.Add(new TextPattern(e.Name ?? name, regex, examples, keeps));
        }
        return result;
    }

    /// <summary>
    /// Runs a reading of a text by patterns of a rules file, which run under a time limit (a user may write one that
    /// backtracks without end). A reading over the limit once is read again: a stalled thread or a paused process runs
    /// over a wall-clock limit too. Twice, the pattern is too slow for this text, and <paramref name="refuse"/> says so.
    /// </summary>
    public static T ReadTwice<T>(Func<T> read, Func<RegexMatchTimeoutException, Exception> refuse)
    {
        try { return read(); }
        catch (RegexMatchTimeoutException) { }
        try { return read(); }
        catch (RegexMatchTimeoutException e) { throw refuse(e); }
    }

    /// <summary>The name of the pattern whose text is <paramref name="pattern"/> (as a timeout reports it), else the text itself in quotes.</summary>
    public static string NameOf(IEnumerable<TextPattern> patterns, string pattern) =>
        patterns.FirstOrDefault(p => p.Pattern.ToString() == pattern) is { } found ? $"'{found.Name}'" : $"“{pattern}”";

    private static bool Matches(Regex regex, string text, bool anchored) =>
        regex.Match(text) is { Success: true } m && (!anchored || (m.Index == 0 && m.Length > 0));
}
