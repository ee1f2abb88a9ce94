# The memory settings the Dockerfile and README give the hub, for the scripts that start it (sourced, not run): heap,
# metaspace, Serial GC, native memory given back and Netty's pools in one arena in HUB_MEMORY, at most two malloc
# arenas in HUB_ENV (docker/Dockerfile says why). A hub starts as `env $HUB_ENV java $HUB_MEMORY ...`; HUB_MEMORY and MALLOC_ARENA_MAX
# override them.
HUB_MEMORY=${HUB_MEMORY:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -Djdk.nio.maxCachedBufferSize=262144 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1}
HUB_ENV="MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
