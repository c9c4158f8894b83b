#pragma once

#include "common/Expected.h"

#include <QString>

#include <string>
#include <string_view>

namespace fd::sim::yaml {

// What a YAML scalar means, resolved the way the apiserver's YAML decoder does it:
// sigs.k8s.io/yaml on go-yaml v2, i.e. YAML 1.1 rules (yes/no/on/off/y/n are booleans,
// 0777 is octal, 1_000 is 1000, timestamps stay strings). Shared by the decoder and by
// the encoder, which must quote any string that would read back as something else.
struct ResolvedScalar {
    enum class Type { Null, Bool, Int, Uint, Float, String };
    Type type = Type::String;
    bool boolean = false;
    qint64 integer = 0;
    quint64 uinteger = 0; // only for values above INT64_MAX
    double real = 0;
    std::string text;     // Type::String: the string (binary already base64-decoded)
};

// Resolves an untagged plain scalar.
ResolvedScalar resolvePlain(std::string_view text);

// Resolves a scalar carrying an explicit tag in short form ("!!int", "!!str", "!foo", …).
// Errors read like go-yaml's: "cannot decode !!str `abc` as a !!int".
fd::Expected<ResolvedScalar, QString> resolveTagged(std::string_view shortTag, std::string_view text);

// go-yaml refuses to emit these plain even though they resolve to strings ("1:20").
bool isBase60Float(std::string_view text);

// Go's strconv.FormatFloat(value, 'g', -1, bitSize): the shortest digits that read back as
// the same float32/float64, in exponent form ("1e+06") when the decimal exponent is < -4
// or >= 6. Used for float map keys (bitSize 32, as sigs.k8s.io/yaml) and YAML output (64).
std::string goFormatFloat(double value, int bitSize);

} // namespace fd::sim::yaml
