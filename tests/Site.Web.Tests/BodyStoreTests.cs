using Site.Web.Content;

namespace Site.Web.Tests;

public sealed class BodyStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("site-bodies-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Bodies_put_from_many_threads_come_back_byte_for_byte_and_leave_no_file_in_the_folder()
    {
        using var store = BodyStore.TryCreate(_folder);
        Assert.NotNull(store);
        // Nothing is left to clean up, even if the process were killed now: the file is already unlinked.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));

        var bodies = Enumerable.Range(0, 2000)
            .Select(i => System.Text.Encoding.UTF8.GetBytes($"<p>Body {i}: {new string('é', i % 300)} \U0001F600</p>"))
            .ToArray();
        var stored = new StoredBody[bodies.Length];
        Parallel.For(0, bodies.Length, i => stored[i] = store.Put(bodies[i]));

        Parallel.For(0, bodies.Length, i => Assert.Equal(bodies[i], stored[i].Bytes()));
        Assert.All(stored.Zip(bodies), pair => Assert.Equal(pair.Second.Length, pair.First.Length));
        Assert.Equal([], store.Put([]).Bytes());
    }

    [Fact]
    public void A_folder_where_no_file_can_be_made_gives_no_store_and_the_build_keeps_bodies_in_memory()
    {
        Assert.Null(BodyStore.TryCreate(Path.Combine(_folder, "missing", "deeper")));
        Assert.Equal([1, 2, 3], new StoredBody([1, 2, 3]).Bytes());
    }
}
