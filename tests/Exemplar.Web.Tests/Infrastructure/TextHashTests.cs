using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Tests.Infrastructure;

/// <summary>SHA-256 of a text's UTF-8 bytes, against the FIPS 180-2 examples and a Chinese text hashed by sha256sum.</summary>
public sealed class TextHashTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("示范基地", "cf36649e4738a95d8030b6522de4a46107a827cf1c2a5c35473c89b9d21e1d1f")]
    public void Short_texts_hash_as_their_utf8_bytes(string text, string expected) => Assert.Equal(expected, TextHash.Sha256Hex(text));

    [Fact]
    public void A_million_characters_hash_as_the_standard_says_and_the_pooled_buffer_leaves_no_trace()
    {
        var million = new string('a', 1_000_000);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", TextHash.Sha256Hex(million));
        // A shorter text right after, in what may be the same rented buffer: only its own bytes count.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TextHash.Sha256Hex("abc"));
    }
}
