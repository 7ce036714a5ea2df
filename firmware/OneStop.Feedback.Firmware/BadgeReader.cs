using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Threading;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using nanoFramework.Hardware.Esp32;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The optional MFRC522 reader for the officer's badge (SPI bus 1, chip select and reset from the pin map),
    /// through Iot.Device.Mfrc522. Its own thread polls for an ISO 14443-A card; the Core's <see cref="BadgeFilter"/>
    /// turns the repeated reads of a card lying on the reader into one tap (and drops misreads), and each tap is
    /// stored in the outbox as a badge event before the network thread is woken to send it. Fitted only when
    /// device.json says <c>"badgeReader": true</c>.
    /// </summary>
    public sealed class BadgeReader
    {
        private const int SpiClockHz = 5000000; // the chip allows 10 MHz; 5 MHz tolerates longer wires
        private const int ListenMs = 500;

        private readonly MfRc522 _reader;
        private readonly BadgeFilter _filter = new BadgeFilter();
        private readonly Outbox _outbox;
        private readonly IWallClock _clock;
        private readonly AutoResetEvent _stored;
        private Thread _thread;

        public BadgeReader(GpioController gpio, Outbox outbox, IWallClock clock, AutoResetEvent stored)
        {
            _outbox = outbox;
            _clock = clock;
            _stored = stored;
            Configuration.SetPinFunction(Pins.SpiMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(Pins.SpiMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(Pins.SpiClock, DeviceFunction.SPI1_CLOCK);
            SpiConnectionSettings settings = new SpiConnectionSettings(1, Pins.RfidChipSelect) { ClockFrequency = SpiClockHz };
            _reader = new MfRc522(SpiDevice.Create(settings), Pins.RfidReset, gpio, false);
        }

        /// <summary>Starts the polling thread (a field keeps it referenced).</summary>
        public void Start()
        {
            _thread = new Thread(Run);
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                try
                {
                    Data106kbpsTypeA card;
                    if (_reader.ListenToCardIso14443TypeA(out card, TimeSpan.FromMilliseconds(ListenMs))
                        && _filter.IsNewTap(card.NfcId, DeviceClock.UptimeMs))
                    {
                        _outbox.AppendBadge(_clock.UnixMs(), card.NfcId);
                        _stored.Set();
                    }
                    Thread.Sleep(100);
                }
                catch (Exception ex)
                {
                    // A reader fault must not stop the terminal: log and retry a second later.
                    Console.WriteLine("badge reader: " + ex.Message);
                    Thread.Sleep(1000);
                }
            }
        }
    }
}
