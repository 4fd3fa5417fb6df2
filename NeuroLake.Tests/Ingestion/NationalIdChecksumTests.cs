using NeuroLake.Engine.Ingestion.Pii.NationalIds;

namespace NeuroLake.Tests.Ingestion;

/// <summary>
/// Each national ID scheme against the example numbers published with its definition (and in python-stdnum's
/// documentation), which are synthetic, and the same numbers with one character changed.
/// </summary>
public sealed class NationalIdChecksumTests
{
    [Theory]
    [InlineData("36574261809", true)]
    [InlineData("36 574 261 809", true)]
    [InlineData("36574261890", false)]
    [InlineData("06574261809", false)] // leading zero
    [InlineData("11234567890", true)] // 1 repeated, check digit 0
    [InlineData("11234567891", false)]
    [InlineData("12345678901", false)] // no repeated digit in the first ten
    public void German_tax_id_uses_iso_7064_mod_11_10_and_the_repetition_rule(string value, bool valid) =>
        Assert.Equal(valid, GermanTaxId.IsValid(value));

    [Theory]
    [InlineData("2 95 10 99 126 111 93", true)]
    [InlineData("295109912611193", true)]
    [InlineData("2 95 10 99 126 111 94", false)]
    [InlineData("5 95 10 99 126 111 93", false)] // no such sex digit
    public void French_nir_key_is_97_minus_the_number_modulo_97(string value, bool valid) =>
        Assert.Equal(valid, FrenchSocialSecurityNumber.IsValid(value));

    [Fact]
    public void French_nir_counts_corsica_2a_and_2b_as_19_and_18()
    {
        // Computed here from the definition: body 1 85 12 2A 004 123, key 97 - (1851219004123 mod 97).
        var key = 97 - (1851219004123 % 97);
        Assert.True(FrenchSocialSecurityNumber.IsValid($"185122A004123{key:00}"));
        Assert.False(FrenchSocialSecurityNumber.IsValid($"185122B004123{key:00}"));
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("1112.22.333", true)]
    [InlineData("111252333", false)]
    [InlineData("000000000", false)]
    public void Dutch_bsn_passes_the_eleven_test(string value, bool valid) => Assert.Equal(valid, DutchCitizenServiceNumber.IsValid(value));

    [Theory]
    [InlineData("54362315K", true)]
    [InlineData("54362315-k", true)]
    [InlineData("54362315Z", false)]
    [InlineData("X2482300W", true)]
    [InlineData("X-2482300-W", true)]
    [InlineData("X2482300A", false)]
    [InlineData("12345678Z", true)]
    public void Spanish_dni_and_nie_letter_is_the_number_modulo_23(string value, bool valid) => Assert.Equal(valid, SpanishIdentityNumber.IsValid(value));

    [Theory]
    [InlineData("RCCMNL83S18D969H", true)]
    [InlineData("rccmnl83s18d969h", true)]
    [InlineData("RCCMNL83S18D969A", false)]
    [InlineData("RCCMNL83Z18D969H", false)] // Z is not a month letter
    public void Italian_fiscal_code_control_letter_uses_the_odd_and_even_tables(string value, bool valid) =>
        Assert.Equal(valid, ItalianFiscalCode.IsValid(value));

    [Fact]
    public void Italian_fiscal_code_accepts_omocodia_substitutions_with_their_own_control_letter()
    {
        // The last digit 9 of RCCMNL83S18D969 replaced by V (9 -> V in LMNPQRSTUV); the control letter is recomputed.
        const string body = "RCCMNL83S18D96V";
        Assert.True(ItalianFiscalCode.IsValid(body + ItalianFiscalCode.ControlLetter(body)));
        Assert.False(ItalianFiscalCode.IsValid(body + "H"));
    }

    [Theory]
    [InlineData("880320-0016", true)]
    [InlineData("8803200016", true)]
    [InlineData("19880320-0016", true)]
    [InlineData("811218-9876", true)]
    [InlineData("880320-0018", false)]
    [InlineData("881320-0016", false)] // month 13
    [InlineData("880380-0016", false)] // day 80
    public void Swedish_personnummer_ends_with_a_luhn_digit_over_a_valid_date(string value, bool valid) =>
        Assert.Equal(valid, SwedishPersonalIdentityNumber.IsValid(value));

    [Theory]
    [InlineData("234123412346", true)]
    [InlineData("2341 2341 2346", true)]
    [InlineData("234123412347", false)]
    [InlineData("134123412346", false)] // first digit 0 or 1 is never issued
    public void Indian_aadhaar_ends_with_a_verhoeff_digit(string value, bool valid) => Assert.Equal(valid, IndianAadhaarNumber.IsValid(value));

    [Theory]
    [InlineData("2363", true)]
    [InlineData("2364", false)]
    [InlineData("2633", false)] // adjacent transposition
    public void Verhoeff_catches_single_errors_and_transpositions(string value, bool valid) => Assert.Equal(valid, Verhoeff.IsValid(value));

    [Theory]
    [InlineData("AB123456C", true)]
    [InlineData("AB 12 34 56 C", true)]
    [InlineData("QQ123456C", false)] // Q is never a first letter
    [InlineData("GB123456A", false)] // prefix not allocated
    [InlineData("AO123456A", false)] // O is never a second letter
    [InlineData("AB123456E", false)] // suffix A-D only
    public void Uk_national_insurance_number_follows_the_hmrc_prefix_and_suffix_rules(string value, bool valid) =>
        Assert.Equal(valid, UkNationalInsuranceNumber.IsValid(value));

    [Theory]
    [InlineData("36574261809", "German tax ID (Steuer-ID)")]
    [InlineData("RCCMNL83S18D969H", "Italian fiscal code (codice fiscale)")]
    [InlineData("111222333", "Dutch citizen service number (BSN)")]
    [InlineData("36574261890", null)]
    public void The_scheme_a_value_satisfies_is_named(string value, string? scheme) => Assert.Equal(scheme, NationalId.SchemeOf(value));
}
