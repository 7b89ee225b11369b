using PolicyKB.Model;

namespace PolicyKB.Crawl.Tests;

[TestClass]
public sealed class CrawlDataTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policykb-crawl-data-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Sites => Path.Combine(_folder, CrawlData.SitesFolder);

    /// <summary>A data folder whose sites folder holds the real profiles.</summary>
    private CrawlData DataWithRealProfiles()
    {
        Directory.CreateDirectory(Sites);
        foreach (var file in Directory.GetFiles(TestData.Folder.Path(CrawlData.SitesFolder), "*.json"))
            File.Copy(file, Path.Combine(Sites, Path.GetFileName(file)));
        return new CrawlData(new PolicyData(_folder));
    }

    [TestMethod]
    public void Profiles_without_sites_folder_fail_naming_the_data_folder_and_the_sites_folder()
    {
        var data = new CrawlData(new PolicyData(_folder));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Profiles);
        Assert.Contains($"'{CrawlData.SitesFolder}' is missing from the data folder '{_folder}'", e.Message);
    }

    [TestMethod]
    public void An_empty_sites_folder_fails_naming_it()
    {
        Directory.CreateDirectory(Sites);
        var data = new CrawlData(new PolicyData(_folder));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Profiles);
        Assert.Contains($"The folder '{CrawlData.SitesFolder}' of the data folder '{_folder}' holds no site profile", e.Message);
    }

    [TestMethod]
    public void A_broken_profile_fails_naming_the_folder_and_the_file()
    {
        var data = DataWithRealProfiles();
        File.WriteAllText(Path.Combine(Sites, "mee.json"), "{ \"code\": \"mee\", ");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Profiles);
        Assert.Contains($"'{Path.Combine(CrawlData.SitesFolder, "mee.json")}' in the data folder '{_folder}' cannot be used", e.Message);
    }

    [TestMethod]
    public void Two_profiles_of_one_site_fail_naming_both_files()
    {
        var data = DataWithRealProfiles();
        File.Copy(Path.Combine(Sites, "ndrc.json"), Path.Combine(Sites, "ndrc-copy.json"));
        var e = Assert.ThrowsExactly<InvalidDataException>(() => data.Profiles);
        Assert.Contains($"'{Path.Combine(CrawlData.SitesFolder, "ndrc-copy.json")}' and '{Path.Combine(CrawlData.SitesFolder, "ndrc.json")}'", e.Message);
        Assert.Contains("site 'ndrc'", e.Message);
    }

    [TestMethod]
    public void The_profiles_are_read_once_and_only_when_first_needed()
    {
        // Nothing is read on construction: the folder is still empty here.
        var data = new CrawlData(new PolicyData(_folder));
        foreach (var file in Directory.GetFiles(TestData.Folder.Path(CrawlData.SitesFolder), "*.json"))
            File.Copy(file, Path.Combine(Directory.CreateDirectory(Sites).FullName, Path.GetFileName(file)));
        var profiles = data.Profiles;
        CollectionAssert.AreEquivalent(TestData.Sites.Profiles.Keys.ToArray(), profiles.Keys.ToArray());
        Directory.Delete(Sites, recursive: true);
        Assert.AreSame(profiles, data.Profiles, "read once: deleting the folder afterwards changes nothing");
    }
}
