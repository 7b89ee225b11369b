using PolicyKB.Import.Html;
using PolicyKB.Model;

namespace PolicyKB.Import.Normalise;

/// <summary>
/// Checks of the parsed fields. A failure keeps the document and adds a warning that starts with the field's name
/// ("issuer: …", "document number: …", "written date: …", "published date: …"), so warnings can be counted by kind.
/// </summary>
internal static class FieldChecks
{
    /// <summary>The field names warnings start with.</summary>
    public static readonly IReadOnlySet<string> FieldNames = new HashSet<string>(StringComparer.Ordinal) { "issuer", "document number", "written date", "published date" };

    /// <summary>True for a name that can be an issuer: a known one, or Han text that is no date, number or metadata label.</summary>
    public static bool IsOrganisation(string name, IssuerRegistry issuers)
    {
        if (issuers.IsKnown(name)) return true;
        var key = Text.Squeeze(name);
        if (key.Length < 2 || key.Any(char.IsDigit) || key.Any(char.IsAsciiLetter)) return false;
        if (LabelReader.KnownLabels.Any(l => key.StartsWith(l, StringComparison.Ordinal))) return false;
        return key.Count(c => c is >= '\u4e00' and <= '\u9fff') * 2 > key.Length;
    }

    /// <summary>成文日期 not after 发布日期, neither in the future.</summary>
    public static void Dates(PolicyDocument doc, List<string> warnings)
    {
        // The latest date it is anywhere on earth now: a page published today in China is not "in the future" in UTC.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14));
        if (doc.WrittenDate is { } w && w > today) warnings.Add($"written date: in the future ({w:yyyy-MM-dd})");
        if (doc.PublishedDate is { } p && p > today) warnings.Add($"published date: in the future ({p:yyyy-MM-dd})");
        if (doc.WrittenDate is { } written && doc.PublishedDate is { } published && written > published)
            warnings.Add($"written date: after the published date ({written:yyyy-MM-dd} > {published:yyyy-MM-dd})");
    }

    /// <summary>Key fields a site profile should have found: issuers (for policy documents, not news) and the 发布日期.</summary>
    public static void Missing(PolicyDocument doc, bool policyDocument, List<string> warnings)
    {
        if (policyDocument && doc.Issuers.Count == 0) warnings.Add("issuer: missing (no field, heading or signature names one)");
        if (doc.PublishedDate is null) warnings.Add("published date: missing");
    }
}
