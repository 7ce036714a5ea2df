// Facade of nanoFramework.Hardware.Esp32 1.6.40: declarations only (the members the app uses; values not needed by a compile check).
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        PWM1,
        SPI1_MOSI,
        SPI1_MISO,
        SPI1_CLOCK,
        I2C1_DATA,
        I2C1_CLOCK,
    }
}
