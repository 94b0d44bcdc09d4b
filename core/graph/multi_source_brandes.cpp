#include "core/graph/multi_source_brandes.hpp"

#include <immintrin.h>

#include <cstdint>
#include <cstring>

// The kernels are compiled for AVX-512 and AVX2 through target regions, not through compiler
// flags for the whole file, so the library still runs on any x86-64 and picks the kernel at run
// time (best_lanes). Everything inside a region is plain pointers and intrinsics: no inline
// function of a header is compiled there, so none can leak into the rest of the program with
// instructions the CPU may lack.
#define WIJKNET_STRINGIFY(x) #x
#define WIJKNET_PRAGMA(x) _Pragma(WIJKNET_STRINGIFY(x))
#if defined(__clang__)
#define WIJKNET_TARGET_BEGIN(isa) WIJKNET_PRAGMA(clang attribute push(__attribute__((target(isa))), apply_to = function))
#define WIJKNET_TARGET_END WIJKNET_PRAGMA(clang attribute pop)
#else
#define WIJKNET_TARGET_BEGIN(isa) WIJKNET_PRAGMA(GCC push_options) WIJKNET_PRAGMA(GCC target(isa))
#define WIJKNET_TARGET_END WIJKNET_PRAGMA(GCC pop_options)
#endif

namespace wijknet::detail {

// ---- AVX-512: eight sources a traversal; lane sets are mask registers.
WIJKNET_TARGET_BEGIN("avx512f,avx512bw,avx512vl")
namespace avx512 {

struct L {
  static constexpr std::size_t width = 8;
  using Codes = __m128i;  // the low 8 bytes
  using Mask = unsigned;  // bit i: lane i
  using Vec = __m512d;
  static Codes splat(unsigned b) { return _mm_set1_epi8(char(b)); }
  static Codes load_codes(const std::uint8_t* p) { return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)); }
  static void store_codes(std::uint8_t* p, Codes c) { _mm_storel_epi64(reinterpret_cast<__m128i*>(p), c); }
  static Mask eq(Codes a, Codes b) { return _mm_mask_cmpeq_epi8_mask(0xFF, a, b); }
  static Mask both(Mask a, Mask b) { return a & b; }
  static bool any(Mask m) { return m != 0; }
  static unsigned bits(Mask m) { return m; }
  static Codes set_where(Codes c, Mask m, Codes b) { return _mm_mask_blend_epi8(__mmask16(m), c, b); }
  static Vec zero() { return _mm512_setzero_pd(); }
  static Vec broadcast(double x) { return _mm512_set1_pd(x); }
  static Vec load(const double* p) { return _mm512_load_pd(p); }
  static void store(double* p, Vec v) { _mm512_store_pd(p, v); }
  static Vec add_where(Vec acc, Mask m, const double* p) {
    return _mm512_mask_add_pd(acc, __mmask8(m), acc, _mm512_load_pd(p));
  }
  static Vec blend(Vec a, Vec b, Mask m) { return _mm512_mask_blend_pd(__mmask8(m), a, b); }
  static Vec add(Vec a, Vec b) { return _mm512_add_pd(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm512_mul_pd(a, b); }
  static Vec div(Vec a, Vec b) { return _mm512_div_pd(a, b); }
  // The lanes in m added in lane order (the same order on every run).
  static double sum_where(Vec v, Mask m) {
    alignas(64) double t[8];
    _mm512_store_pd(t, _mm512_maskz_mov_pd(__mmask8(m), v));
    return ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
  }
};

#include "core/graph/multi_source_brandes_kernel.inc"

bool run(const BatchWorkspace& ws, const std::uint32_t* sources, std::size_t count, double* centrality,
         bool closeness) {
  return closeness ? run_batch<true>(ws, sources, count, centrality) : run_batch<false>(ws, sources, count, centrality);
}

}  // namespace avx512
WIJKNET_TARGET_END

// ---- AVX2: four sources a traversal; lane sets are byte masks, widened to doubles when used.
WIJKNET_TARGET_BEGIN("avx2")
namespace avx2 {

struct L {
  static constexpr std::size_t width = 4;
  using Codes = __m128i;  // the low 4 bytes
  using Mask = __m128i;   // byte i all ones: lane i (low 4 bytes)
  using Vec = __m256d;
  static Codes splat(unsigned b) { return _mm_set1_epi8(char(b)); }
  static Codes load_codes(const std::uint8_t* p) {
    int x;
    __builtin_memcpy(&x, p, 4);
    return _mm_cvtsi32_si128(x);
  }
  static void store_codes(std::uint8_t* p, Codes c) {
    const int x = _mm_cvtsi128_si32(c);
    __builtin_memcpy(p, &x, 4);
  }
  static Mask eq(Codes a, Codes b) { return _mm_cmpeq_epi8(a, b); }
  static Mask both(Mask a, Mask b) { return _mm_and_si128(a, b); }
  static bool any(Mask m) { return (_mm_movemask_epi8(m) & 0xF) != 0; }
  static unsigned bits(Mask m) { return unsigned(_mm_movemask_epi8(m) & 0xF); }
  static Codes set_where(Codes c, Mask m, Codes b) { return _mm_blendv_epi8(c, b, m); }
  static Vec lanes(Mask m) { return _mm256_castsi256_pd(_mm256_cvtepi8_epi64(m)); }
  static Vec zero() { return _mm256_setzero_pd(); }
  static Vec broadcast(double x) { return _mm256_set1_pd(x); }
  static Vec load(const double* p) { return _mm256_load_pd(p); }
  static void store(double* p, Vec v) { _mm256_store_pd(p, v); }
  static Vec add_where(Vec acc, Mask m, const double* p) {
    return _mm256_add_pd(acc, _mm256_and_pd(lanes(m), _mm256_load_pd(p)));
  }
  static Vec blend(Vec a, Vec b, Mask m) { return _mm256_blendv_pd(a, b, lanes(m)); }
  static Vec add(Vec a, Vec b) { return _mm256_add_pd(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm256_mul_pd(a, b); }
  static Vec div(Vec a, Vec b) { return _mm256_div_pd(a, b); }
  static double sum_where(Vec v, Mask m) {
    alignas(32) double t[4];
    _mm256_store_pd(t, _mm256_and_pd(lanes(m), v));
    return (t[0] + t[1]) + (t[2] + t[3]);
  }
};

#include "core/graph/multi_source_brandes_kernel.inc"

bool run(const BatchWorkspace& ws, const std::uint32_t* sources, std::size_t count, double* centrality,
         bool closeness) {
  return closeness ? run_batch<true>(ws, sources, count, centrality) : run_batch<false>(ws, sources, count, centrality);
}

}  // namespace avx2
WIJKNET_TARGET_END

Lanes best_lanes() {
  static const Lanes best = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
      return Lanes::avx512;
    if (__builtin_cpu_supports("avx2")) return Lanes::avx2;
    return Lanes::none;
  }();
  return best;
}

MultiSourceSearch::MultiSourceSearch(const Network& net, Lanes lanes, const std::vector<double>* reach)
    : lanes_(lanes), width_(std::size_t(lanes)) {
  const std::size_t n = net.vertex_count();
  code_.assign(n * width_, 255);
  value_storage_.assign(n * width_ + 8, 0.0);  // + 8: room to align to 64 bytes
  queue_.assign(n * width_ + 1, 0);            // + 1: the slot written for an arc to a known vertex
  level_start_.assign(256, 0);
  auto* raw = value_storage_.data();
  auto* aligned = reinterpret_cast<double*>((reinterpret_cast<std::uintptr_t>(raw) + 63) & ~std::uintptr_t(63));
  work_ = BatchWorkspace{net.offsets().data(), net.targets().data(), reach ? reach->data() : nullptr,
                         code_.data(), aligned, queue_.data(), level_start_.data(), reached_, distance_total_};
}

bool MultiSourceSearch::run(const Vertex* sources, std::size_t count, double* centrality, bool closeness) {
  if (count == 0) return true;
  if (lanes_ == Lanes::avx512) return avx512::run(work_, sources, count, centrality, closeness);
  return avx2::run(work_, sources, count, centrality, closeness);
}

}  // namespace wijknet::detail
