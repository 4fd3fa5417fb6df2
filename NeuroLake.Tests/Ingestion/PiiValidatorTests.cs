using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion;

public sealed class PiiValidatorTests
{
    [Theory]
    [InlineData("4111 1111 1111 1111", true)]    // Visa
    [InlineData("5555-5555-5555-4444", true)]    // Mastercard
    [InlineData("2223003122003222", true)]       // Mastercard 2-series
    [InlineData("378282246310005", true)]        // American Express
    [InlineData("6011111111111117", true)]       // Discover
    [InlineData("3530111333300000", true)]       // JCB
    [InlineData("4111111111111112", false)]      // Luhn fails
    [InlineData("9000000000000001", false)]      // passes Luhn, no issuer uses 9
    [InlineData("4222222222222", true)]          // 13-digit Visa
    [InlineData("40000000002", false)]           // too short
    [InlineData("4111x1111x1111x1111", false)]
    public void Card_numbers_need_luhn_issuer_and_length(string value, bool valid) =>
        Assert.Equal(valid, PaymentCard.IsValid(value));

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("FR1420041010050500013M02606", true)]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("BE68539007547034", true)]
    [InlineData("ch9300762011623852957", true)]
    [InlineData("DE89370400440532013001", false)]  // check digits wrong
    [InlineData("DE8937040044053201300", false)]   // one short for Germany
    [InlineData("XX89370400440532013000", false)]  // no such country
    public void Ibans_need_country_length_and_mod_97(string value, bool valid) =>
        Assert.Equal(valid, Iban.IsValid(value));

    [Theory]
    [InlineData("123-45-6789", true)]
    [InlineData("899 01 0001", true)]
    [InlineData("000-12-3456", false)]
    [InlineData("666-12-3456", false)]
    [InlineData("900-12-3456", false)]
    [InlineData("123-00-4567", false)]
    [InlineData("123-45-0000", false)]
    [InlineData("123456789", false)]
    [InlineData("2019-2020", false)]
    public void Ssns_need_valid_area_group_and_serial(string value, bool valid) =>
        Assert.Equal(valid, SocialSecurityNumber.IsValid(value));

    [Fact]
    public void Bare_nine_digit_ssns_count_only_when_allowed()
    {
        Assert.True(SocialSecurityNumber.IsValid("123456789", bareDigitsAllowed: true));
        Assert.False(SocialSecurityNumber.IsValid("666456789", bareDigitsAllowed: true));
    }

    [Theory]
    [InlineData("2001:db8::1", true)]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:192.0.2.128", true)]
    [InlineData("fe80::1%eth0", true)]
    [InlineData("2001:db8::g1", false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("12:30:45", false)]
    [InlineData("00:1a:2b:3c:4d:5e", false)]
    public void Ipv6_accepts_every_standard_form(string value, bool valid) =>
        Assert.Equal(valid, NetworkAddress.IsIPv6(value));

    [Theory]
    [InlineData("192.168.0.1", true, true)]
    [InlineData("1.2.3.4", true, false)]     // valid, but shaped like a version string
    [InlineData("256.1.1.1", false, false)]
    [InlineData("01.2.3.4", false, false)]
    [InlineData("1.2.3", false, false)]
    public void Ipv4_is_strict_and_address_like_needs_a_large_octet(string value, bool valid, bool addressLike)
    {
        Assert.Equal(valid, NetworkAddress.IsIPv4(value));
        Assert.Equal(addressLike, NetworkAddress.IsAddressLikeIPv4(value));
    }

    [Theory]
    [InlineData("+14155552671", true)]
    [InlineData("+44 20 7946 0958", true)]
    [InlineData("+49 (30) 1234567", true)]
    [InlineData("(415) 555-2671", true)]
    [InlineData("415.555.2671", true)]
    [InlineData("020 7946 0958", true)]
    [InlineData("01 23 45 67 89", true)]
    [InlineData("+0123456789", false)]       // E.164 country codes never start with 0
    [InlineData("+1234", false)]             // too short
    [InlineData("+1234567890123456", false)] // more than 15 digits
    [InlineData("2019-2020", false)]
    [InlineData("4155552671", false)]        // bare digits need a name hint
    public void Phone_numbers_in_e164_and_national_forms(string value, bool valid) =>
        Assert.Equal(valid, PhoneNumber.IsValid(value));

    [Theory]
    [InlineData("ann.lee+news@example.co.uk", true)]
    [InlineData("a@b.io", true)]
    [InlineData("a..b@example.com", false)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("x@localhost", false)]
    public void Emails_need_a_dotted_domain(string value, bool valid) =>
        Assert.Equal(valid, EmailAddress.IsValid(value));

    [Theory]
    [InlineData("00:1A:2B:3C:4D:5E", true)]
    [InlineData("00-1a-2b-3c-4d-5e", true)]
    [InlineData("001a.2b3c.4d5e", true)]
    [InlineData("00:1A-2B:3C:4D:5E", false)]
    public void Mac_addresses_in_colon_dash_and_dot_forms(string value, bool valid) =>
        Assert.Equal(valid, NetworkAddress.IsMac(value));
}
