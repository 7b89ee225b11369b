using System.Text.RegularExpressions;

namespace PolicyKB.Import.Normalise;

/// <summary>The signature block of a body: issuer lines (one a line, maybe spaced out) above a line holding only the 成文日期.</summary>
internal sealed record Signature(IReadOnlyList<string> IssuerLines, DateOnly? Date);

internal static partial class Signatures
{
    private const int MaxIssuerLines = 10;
    private const int MaxIssuerLineLength = 30;

    /// <summary>The last date-only line of the body and the issuer lines right above it.</summary>
    public static Signature Find(IReadOnlyList<string> lines, IssuerRegistry issuers)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!DateOnlyLine().IsMatch(Text.Squeeze(lines[i]))) continue;
            var names = new List<string>();
            for (var j = i - 1; j >= 0 && names.Count < MaxIssuerLines && IsIssuerLine(lines[j], issuers); j--)
                names.Insert(0, lines[j]);
            return new Signature(names, Dates.Find(lines[i]));
        }
        return new Signature([], null);
    }

    /// <summary>A line naming only issuers: every name known, or an organisation-shaped name with no punctuation.</summary>
    public static bool IsIssuerLine(string line, IssuerRegistry issuers)
    {
        var squeezed = Text.Squeeze(line);
        if (squeezed.Length is 0 or > MaxIssuerLineLength || Punctuation().IsMatch(squeezed)) return false;
        return issuers.Split(line).All(n => issuers.IsKnown(n) || OrganisationName().IsMatch(n));
    }

    [GeneratedRegex(@"^([〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"[。，,；;：:！？!?（）()《》“”""]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,}(局|厅|部|委|委员会|院|办公室|办公厅|政府|中心|所|银行|行|会|署|办)$")]
    private static partial Regex OrganisationName();
}
