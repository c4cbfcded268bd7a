#pragma once

#include "capture/packetdecoder.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

/**
 * The input of the fuzz targets in fuzz/, so that libFuzzer's mutations reach
 * the decoders instead of dying in a container format:
 *
 *     byte 0      0xFF: the rest is a whole capture file (fuzz_replay only);
 *                 else link type selector: kFuzzLinkTypes[(byte & 0x7F) % size],
 *                 and with bit 0x80 every frame was cut by a snap length:
 *                 on the wire it was kSnapCut bytes longer
 *     then        frames, each a 16-bit big-endian length L and L bytes;
 *                 a last frame shorter than its L takes what is left
 *
 * tests/tst_fuzzseeds writes the seed corpus in this format (encode());
 * the fuzz targets read it with parse(), fuzz_replay writes it as a pcap
 * file with toPcap(). Header only, Qt Core only.
 */
namespace FuzzInput {

/** The link types a selector byte chooses among; the last, -1, means PacketDecoder::decodeIp. */
inline constexpr int kFuzzLinkTypes[] = {
    PacketDecoder::LinkEthernet,
    PacketDecoder::LinkNull,
    PacketDecoder::LinkRaw,
    PacketDecoder::LinkRawAlt,
    PacketDecoder::LinkLinuxSll,
    PacketDecoder::LinkIpv4,
    PacketDecoder::LinkIpv6,
    PacketDecoder::LinkLinuxSll2,
    PacketDecoder::LinkLoop,
    -1,
};
inline constexpr int kLinkTypeCount = int(std::size(kFuzzLinkTypes));
inline constexpr quint8 kRawFile = 0xff;
inline constexpr quint8 kSnapCutBit = 0x80;
/** Bytes a frame had on the wire beyond those captured, with kSnapCutBit. */
inline constexpr qint64 kSnapCut = 1000;

/** True when @p linkType is one a selector can choose. */
inline bool hasLinkType(int linkType)
{
    return std::find(std::begin(kFuzzLinkTypes), std::end(kFuzzLinkTypes), linkType)
        != std::end(kFuzzLinkTypes);
}

/** The selector byte that picks @p linkType (0, Ethernet, when it is not in the table). */
inline quint8 selectorFor(int linkType, bool snapCut = false)
{
    for (int i = 0; i < kLinkTypeCount; ++i) {
        if (kFuzzLinkTypes[i] == linkType)
            return quint8(i | (snapCut ? kSnapCutBit : 0));
    }
    return snapCut ? kSnapCutBit : 0;
}

struct Input
{
    bool rawFile = false; ///< the input is a capture file: see file
    QByteArray file;
    int linkType = PacketDecoder::LinkEthernet; ///< a DLT value, or -1 for decodeIp
    qint64 wireExtra = 0; ///< bytes each frame had on the wire beyond its captured ones
    QList<QByteArray> frames;
};

/**
 * Splits a fuzzer input. Frames are copies in their own heap blocks, so ASan's redzones
 * catch a decoder reading past a frame's end (beyond the NUL QByteArray keeps after it).
 */
inline Input parse(const uint8_t *data, size_t size)
{
    Input in;
    if (size == 0)
        return in;
    if (data[0] == kRawFile) {
        in.rawFile = true;
        in.file = QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
        return in;
    }
    in.linkType = kFuzzLinkTypes[(data[0] & ~kSnapCutBit) % kLinkTypeCount];
    in.wireExtra = (data[0] & kSnapCutBit) ? kSnapCut : 0;
    size_t at = 1;
    while (at + 2 <= size) {
        const size_t len = (size_t(data[at]) << 8) | data[at + 1];
        at += 2;
        const size_t take = len < size - at ? len : size - at;
        in.frames.append(QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(take)));
        at += take;
    }
    return in;
}

/** The fuzzer input for @p frames on @p linkType (frames longer than 65,535 bytes are cut). */
inline QByteArray encode(int linkType, const QList<QByteArray> &frames, bool snapCut = false)
{
    QByteArray out(1, char(selectorFor(linkType, snapCut)));
    for (const QByteArray &f : frames) {
        const qsizetype len = qMin<qsizetype>(f.size(), 0xffff);
        out.append(char(len >> 8));
        out.append(char(len & 0xff));
        out.append(f.left(len));
    }
    return out;
}

/** The fuzzer input for a whole capture file. */
inline QByteArray encodeFile(const QByteArray &file)
{
    return char(kRawFile) + file;
}

/**
 * @p in's frames as a classic pcap file (pcap-savefile(5), little-endian,
 * microseconds): its link type (decodeIp's -1 as LINKTYPE_RAW, 101), one
 * record per frame, 1 ms apart from 2024-01-01 UTC, caplen the frame's size
 * and len wireExtra more.
 */
inline QByteArray toPcap(const Input &in)
{
    QByteArray out;
    auto put16 = [&out](quint16 v) {
        out.append(char(v & 0xff));
        out.append(char(v >> 8));
    };
    auto put32 = [&out](quint32 v) {
        for (int i = 0; i < 4; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
    };
    put32(0xa1b2c3d4);
    put16(2);
    put16(4);
    put32(0); // thiszone
    put32(0); // sigfigs
    put32(0x40000); // snaplen
    put32(quint32(in.linkType < 0 ? 101 : in.linkType));
    quint32 ms = 0;
    for (const QByteArray &f : in.frames) {
        put32(1704067200 + ms / 1000);
        put32((ms % 1000) * 1000);
        put32(quint32(f.size()));
        put32(quint32(f.size() + in.wireExtra));
        out.append(f);
        ++ms;
    }
    return out;
}

} // namespace FuzzInput
