// Facade of nanoFramework.System.Net 1.11.60 (X509Certificates/X509Certificate.cs): declarations only.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate) => throw new NotImplementedException();
    }
}
