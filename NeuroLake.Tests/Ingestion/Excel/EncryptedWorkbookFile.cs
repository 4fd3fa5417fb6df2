using System.Buffers.Binary;
using System.Text;

namespace NeuroLake.Tests.Ingestion.Excel;

/// <summary>
/// Writes what Excel saves for a password-protected workbook: an OLE compound document whose EncryptionInfo stream
/// holds agile encryption parameters (ECMA-376 part 2) and whose EncryptedPackage stream holds the encrypted .xlsx.
/// The verifier bytes are random, so no password opens it, as with a workbook whose password nobody typed.
/// </summary>
internal static class EncryptedWorkbookFile
{
    private const int Sector = 512;
    private const uint EndOfChain = 0xFFFFFFFE, Free = 0xFFFFFFFF, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;

    public static string Write(string path)
    {
        // Both streams reach the 4096-byte mini-stream cutoff, so they live in ordinary sectors.
        var info = Padded(EncryptionInfo(), 8 * Sector);
        var package = new byte[8 * Sector];
        Random.Shared.NextBytes(package);
        BinaryPrimitives.WriteUInt64LittleEndian(package, 4_000);

        var file = new byte[Sector * (3 + 16)];
        Header(file.AsSpan(0, Sector));
        var fat = file.AsSpan(Sector, Sector);
        fat.Fill(0xFF);
        Fat(fat, 0, FatSector);
        Fat(fat, 1, EndOfChain);
        Chain(fat, 2, 8);
        Chain(fat, 10, 8);
        var directory = file.AsSpan(2 * Sector, Sector);
        Entry(directory[..128], "Root Entry", type: 5, child: 1, right: NoStream, start: EndOfChain, size: 0);
        Entry(directory[128..256], "EncryptionInfo", type: 2, child: NoStream, right: 2, start: 2, size: info.Length);
        Entry(directory[256..384], "EncryptedPackage", type: 2, child: NoStream, right: NoStream, start: 10, size: package.Length);
        Entry(directory[384..], "", type: 0, child: NoStream, right: NoStream, start: 0, size: 0);
        info.CopyTo(file, 3 * Sector);
        package.CopyTo(file, 11 * Sector);
        File.WriteAllBytes(path, file);
        return path;
    }

    private static void Header(Span<byte> h)
    {
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[24..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(h[68..], EndOfChain);
        h[76..].Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(h[76..], 0);
    }

    private static void Fat(Span<byte> fat, int sector, uint next) => BinaryPrimitives.WriteUInt32LittleEndian(fat[(sector * 4)..], next);

    // Sector numbers count from the first sector after the header.
    private static void Chain(Span<byte> fat, int first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Fat(fat, first + i, i == count - 1 ? EndOfChain : (uint)(first + i + 1));
        }
    }

    private static void Entry(Span<byte> e, string name, byte type, uint child, uint right, uint start, long size)
    {
        Encoding.Unicode.GetBytes(name).CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[64..], (ushort)(name.Length == 0 ? 0 : (name.Length + 1) * 2));
        e[66] = type;
        e[67] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(e[68..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(e[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[116..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(e[120..], (ulong)size);
    }

    private static byte[] EncryptionInfo()
    {
        string Random64(int bytes)
        {
            var value = new byte[bytes];
            Random.Shared.NextBytes(value);
            return Convert.ToBase64String(value);
        }
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
            "<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\" xmlns:p=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\">" +
            $"<keyData saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"{Random64(16)}\"/>" +
            $"<dataIntegrity encryptedHmacKey=\"{Random64(64)}\" encryptedHmacValue=\"{Random64(64)}\"/>" +
            "<keyEncryptors><keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\">" +
            $"<p:encryptedKey spinCount=\"1000\" saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" " +
            $"saltValue=\"{Random64(16)}\" encryptedVerifierHashInput=\"{Random64(16)}\" encryptedVerifierHashValue=\"{Random64(64)}\" encryptedKeyValue=\"{Random64(32)}\"/>" +
            "</keyEncryptor></keyEncryptors></encryption>";
        return [0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00, .. Encoding.UTF8.GetBytes(xml)];
    }

    private static byte[] Padded(byte[] bytes, int length)
    {
        var padded = new byte[length];
        bytes.CopyTo(padded, 0);
        // XML allows trailing whitespace after the root element.
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }
}
