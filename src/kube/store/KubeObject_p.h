#pragma once

// Private layout of KubeObject; only the store's own sources include this.

#include "kube/store/KubeObject.h"

#include <QAtomicInt>
#include <QExplicitlySharedDataPointer>
#include <QSharedData>

#include <string>
#include <string_view>
#include <vector>

namespace fd::kube::detail {

// apiVersion + kind, shared by every object of a list (one allocation per kind, not per object).
struct TypeInfo : QSharedData {
    QString apiVersion;
    QString kind;
};
using TypeInfoPtr = QExplicitlySharedDataPointer<const TypeInfo>;

// A header string: a range of the JSON bytes, or (ArenaBit set) of the object's private arena
// when the JSON form needed unescaping.
struct StrRef {
    quint32 offset = 0;
    quint32 length = 0;
};
inline constexpr quint32 ArenaBit = 0x80000000u;

// A label: key and value adjacent. In the JSON a compact `"key":"value"` puts the value 3 bytes
// after the key's end; in the arena the value follows the key directly.
struct LabelRef {
    quint32 offset = 0; // of the key; ArenaBit: in the arena
    quint16 keyLength = 0;
    quint16 valueLength = 0;
    quint32 valueOffset() const { return offset + keyLength + ((offset & ArenaBit) ? 0u : 3u); }
};

// One allocation: this struct, then LabelRef[labelCount], StrRef[ownerCount], then the arena.
struct ObjectData {
    QAtomicInt ref{1};
    quint16 labelCount = 0;
    quint16 ownerCount = 0;
    quint32 arenaSize = 0;
    bool deleting = false;
    qint64 generation = 0;
    QByteArray json;
    TypeInfoPtr type;
    StrRef name, ns, uid, rv, created;

    LabelRef *labelRefs() { return reinterpret_cast<LabelRef *>(this + 1); }
    const LabelRef *labelRefs() const { return reinterpret_cast<const LabelRef *>(this + 1); }
    StrRef *ownerRefs() { return reinterpret_cast<StrRef *>(labelRefs() + labelCount); }
    const StrRef *ownerRefs() const { return reinterpret_cast<const StrRef *>(labelRefs() + labelCount); }
    const char *arena() const { return reinterpret_cast<const char *>(ownerRefs() + ownerCount); }
    QByteArrayView view(StrRef r) const
    {
        if (r.length == 0)
            return QByteArrayView("", 0);
        if (r.offset & ArenaBit)
            return QByteArrayView(arena() + (r.offset & ~ArenaBit), r.length);
        return QByteArrayView(json.constData() + r.offset, r.length);
    }
    qsizetype allocationSize() const
    {
        return qsizetype(sizeof(ObjectData)) + qsizetype(sizeof(LabelRef)) * labelCount
            + qsizetype(sizeof(StrRef)) * ownerCount + qsizetype(arenaSize);
    }
    static void destroy(ObjectData *data);
};

// Header values collected by the decoder: offsets into the final JSON, or arena copies.
class ObjectBuilder
{
public:
    void reset();
    // Offsets are into the final JSON passed to build().
    StrRef jsonRef(quint32 offset, quint32 length) const { return StrRef{offset, length}; }
    StrRef arenaRef(std::string_view unescaped);
    // A label whose key and value both need unescaping or are not adjacent in the JSON.
    LabelRef arenaLabel(std::string_view key, std::string_view value);

    StrRef name, ns, uid, rv, created;
    qint64 generation = 0;
    bool deleting = false;
    std::vector<LabelRef> labels;
    std::vector<StrRef> owners;

    // Shifts every JSON (non-arena) ref at or after `from` by `delta` (the decoder's edits).
    void shiftJsonRefs(quint32 from, qint64 delta);

    KubeObject build(QByteArray json, TypeInfoPtr type) const;

private:
    std::string m_arena;
};

} // namespace fd::kube::detail
