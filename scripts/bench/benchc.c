/* The C side of the ffi-vs-capi benchmark: one trivial function, exported
 * both as a plain C symbol (for ffi.C) and wrapped as a classic lua_CFunction. */
#include <lua.h>
#include <lauxlib.h>

int bench_add(int a, int b) { return a + b; }

static int l_add(lua_State *L) {
    int a = (int)luaL_checkinteger(L, 1);
    int b = (int)luaL_checkinteger(L, 2);
    lua_pushinteger(L, bench_add(a, b));
    return 1;
}

int luaopen_benchc(lua_State *L) {
    lua_newtable(L);
    lua_pushcfunction(L, l_add);
    lua_setfield(L, -2, "add");
    return 1;
}
