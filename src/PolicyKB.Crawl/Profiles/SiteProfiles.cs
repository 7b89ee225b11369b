using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>The site profiles in data/sites/*.json, loaded once.</summary>
internal static class SiteProfiles
{
    private static readonly Lazy<IReadOnlyDictionary<string, SiteProfile>> Loaded = new(() => LoadFolder(PolicyData.Locate().Path("sites")));

    /// <summary>Profiles by site code (case-insensitive): govcn, ndrc, mee, ccer.</summary>
    public static IReadOnlyDictionary<string, SiteProfile> All => Loaded.Value;

    public static IReadOnlyDictionary<string, SiteProfile> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json")
            .Select(SiteProfile.Load)
            .ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
}
