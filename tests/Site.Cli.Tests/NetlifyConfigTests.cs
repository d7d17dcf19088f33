using Tomlyn;
using Tomlyn.Model;

namespace Site.Cli.Tests;

public class NetlifyConfigTests
{
    private static TomlTable Config() => TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(SampleCopy.RepositoryRoot, "netlify.toml")))!;

    private static TomlTable Table(TomlTable table, params string[] keys)
    {
        foreach (var key in keys)
        {
            table = (TomlTable)table[key];
        }

        return table;
    }

    [Fact]
    public void Production_builds_with_the_site_address_into_output()
    {
        var build = Table(Config(), "build");
        Assert.Equal("output", build["publish"]);
        var production = (string)Table(Config(), "context", "production")["command"];
        Assert.Equal("bash src/Site.Cli/netlify-build.sh \"$URL\"", production);
        Assert.DoesNotContain("--drafts", production, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(SampleCopy.RepositoryRoot, "src", "Site.Cli", "netlify-build.sh")));
    }

    [Theory]
    [InlineData("deploy-preview")]
    [InlineData("branch-deploy")]
    public void Previews_use_their_own_address_include_drafts_and_stay_out_of_search(string context)
    {
        var command = (string)Table(Config(), "context", context)["command"];
        Assert.Contains("\"$DEPLOY_PRIME_URL\"", command, StringComparison.Ordinal);
        foreach (var flag in new[] { "--drafts", "--future", "--preview" })
        {
            Assert.Contains(flag, command, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_build_script_installs_the_sdk_pinned_in_global_json_into_a_cached_folder()
    {
        var script = File.ReadAllText(Path.Combine(SampleCopy.RepositoryRoot, "src", "Site.Cli", "netlify-build.sh"));
        Assert.Contains("dotnet-install.sh --jsonfile global.json --install-dir \"$DOTNET_ROOT\"", script, StringComparison.Ordinal);
        Assert.Contains("--list-sdks | grep -q", script, StringComparison.Ordinal);
        var plugin = Assert.Single((TomlTableArray)Config()["plugins"]);
        Assert.Equal("netlify-plugin-cache", plugin["package"]);
        Assert.Contains(".dotnet", (TomlArray)Table(plugin, "inputs")["paths"]);
    }

    [Fact]
    public void Every_response_gets_the_security_headers()
    {
        var rule = Assert.Single((TomlTableArray)Config()["headers"]);
        Assert.Equal("/*", rule["for"]);
        var values = Table(rule, "values");
        // The Content-Security-Policies are the build's (output/_headers): /admin/ needs one of its own that
        // every other path must not get, and a "/*" rule here would reach /admin/ too.
        Assert.DoesNotContain("Content-Security-Policy", values.Keys);
        Assert.StartsWith("max-age=", (string)values["Strict-Transport-Security"], StringComparison.Ordinal);
        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.NotNull(values["Referrer-Policy"]);
        Assert.NotNull(values["Permissions-Policy"]);
        Assert.DoesNotContain("Cache-Control", values.Keys);
    }
}
