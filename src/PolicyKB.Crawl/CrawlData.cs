using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>
/// The crawler's data files of one data folder: the site profiles in sites/*.json, read once, when first needed.
/// One per program (the service registers it as a singleton); the crawl, the reparse and the coordinator's checks share it.
/// </summary>
public sealed class CrawlData
{
    public const string SitesFolder = "sites";

    private readonly Lazy<IReadOnlyDictionary<string, SiteProfile>> _profiles;

    public CrawlData(PolicyData folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        _profiles = new(() => Load(folder));
    }

    public PolicyData Folder { get; }

    /// <summary>Profiles by site code (case-insensitive): govcn, ndrc, mee, ccer.</summary>
    /// <exception cref="InvalidDataException">the sites folder is missing or empty, or a profile in it is broken</exception>
    internal IReadOnlyDictionary<string, SiteProfile> Profiles => _profiles.Value;

    private static Dictionary<string, SiteProfile> Load(PolicyData folder)
    {
        var files = Directory.GetFiles(folder.Path(SitesFolder), "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidDataException($"The folder '{SitesFolder}' of the data folder '{folder.Folder}' holds no site profile (*.json). Restore them, or set {PolicyData.EnvironmentVariable} to a folder that holds them.");
        var profiles = new Dictionary<string, SiteProfile>(StringComparer.OrdinalIgnoreCase);
        var fileOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var relative = Path.Combine(SitesFolder, Path.GetFileName(file));
            var profile = folder.Load(relative, SiteProfile.Load);
            // Two files for one site would crawl it by whichever came last: refuse rather than pick.
            if (!fileOf.TryAdd(profile.Code, relative))
                throw new InvalidDataException($"The data files '{fileOf[profile.Code]}' and '{relative}' in the data folder '{folder.Folder}' are both the profile of site '{profile.Code}'.");
            profiles[profile.Code] = profile;
        }
        return profiles;
    }
}
