import Glibc

/// An IP address a link's host resolves to, and whether it belongs to this machine or a private
/// network, which `vcc check --external` does not ask without `--allow-internal`: content from
/// others must not make the check probe the intranet, the router or a cloud metadata service.
struct NetworkAddress: Equatable {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    var bytes: [UInt8]

    /// The address as curl's `--resolve` and URLs take it (IPv6 without brackets).
    var text: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        bytes.withUnsafeBytes { _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Loopback, link-local, private, unique-local, shared (CGNAT), unspecified, multicast or
    /// reserved, also when an IPv6 address carries such an IPv4 address (mapped, compatible, NAT64, 6to4).
    var isInternal: Bool {
        if bytes.count == 4 { return Self.isInternalIPv4(bytes) }
        let b = bytes
        if b[0..<10].allSatisfy({ $0 == 0 }) && (b[10..<12].allSatisfy { $0 == 0xFF } || b[10..<12].allSatisfy { $0 == 0 }) {
            return Self.isInternalIPv4(Array(b[12..<16]))  // ::ffff:a.b.c.d, ::a.b.c.d, and so :: and ::1
        }
        if b[0..<12].elementsEqual([0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]) { return Self.isInternalIPv4(Array(b[12..<16])) }
        if b[0] == 0x20 && b[1] == 0x02 { return Self.isInternalIPv4(Array(b[2..<6])) }
        return b[0] == 0xFF                               // multicast ff00::/8
            || (b[0] == 0xFE && b[1] & 0x80 == 0x80)      // link-local fe80::/10 and old site-local fec0::/10
            || b[0] & 0xFE == 0xFC                        // unique local fc00::/7
    }

    private static func isInternalIPv4(_ b: [UInt8]) -> Bool {
        b[0] == 0 || b[0] == 10 || b[0] == 127        // "this network" and 0.0.0.0, private, loopback
            || (b[0] == 100 && b[1] & 0xC0 == 64)     // shared address space (CGNAT) 100.64.0.0/10
            || (b[0] == 169 && b[1] == 254)           // link-local, cloud metadata services
            || (b[0] == 172 && b[1] & 0xF0 == 16)     // private 172.16.0.0/12
            || (b[0] == 192 && b[1] == 168)           // private 192.168.0.0/16
            || b[0] >= 224                            // multicast, reserved, broadcast
    }

    /// Every address `host` resolves to (getaddrinfo, as curl would ask), or the resolver's complaint.
    /// A host that is an IP address in any form (`2130706433`, `0x7f.1`, `::1`) yields that address.
    static func resolve(_ host: String) -> Result<[NetworkAddress], ResolutionFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, nil, &hints, &list)
        guard code == 0 else { return .failure(ResolutionFailure(message: String(cString: gai_strerror(code)))) }
        defer { freeaddrinfo(list) }
        var found: [NetworkAddress] = []
        var entry = list
        while let current = entry?.pointee {
            if let socketAddress = current.ai_addr {
                if current.ai_family == AF_INET {
                    socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                        withUnsafeBytes(of: ipv4.pointee.sin_addr) { found.append(NetworkAddress(bytes: Array($0))) }
                    }
                } else if current.ai_family == AF_INET6 {
                    socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                        withUnsafeBytes(of: ipv6.pointee.sin6_addr) { found.append(NetworkAddress(bytes: Array($0))) }
                    }
                }
            }
            entry = current.ai_next
        }
        return found.isEmpty ? .failure(ResolutionFailure(message: "keine Adresse")) : .success(found)
    }

    /// Whether `host` is written as an IP address rather than a name.
    static func isLiteral(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return false }
        freeaddrinfo(list)
        return true
    }

    /// The resolver's reason why a name has no address.
    struct ResolutionFailure: Error, Equatable {
        var message: String
    }
}
