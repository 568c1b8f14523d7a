# FreeBSD sleep mutex (MTX_DEF), amd64: the lock fast path from
# sys/sys/mutex.h (__mtx_lock, _mtx_obtain_lock_fetch) and the slow paths
# from sys/kern/kern_mutex.c (__mtx_lock_sleep, __mtx_unlock_sleep),
# FreeBSD 12/13 text with ADAPTIVE_MUTEXES, written in assembly as a
# compiler would lay out the C, without lockstat, KTR, WITNESS, lock_delay
# backoff and recursion (the mutex is not MTX_RECURSE: recursing is a panic,
# here an __assert). The release fast path is its own file (mtx_unlock.s;
# the broken plain-store release is mtx_unlock_plain.s), and so is setting
# MTX_CONTESTED (mtx_contested.s; the broken lock orq is
# mtx_contested_atomic_set.s).
#
# Lock word mtx_lock (8 bytes, newer encoding): MTX_UNOWNED = 0, else the
# owning struct thread pointer with flag bits below it; MTX_CONTESTED (2)
# says a thread is blocked on, or about to block on, the lock's turnstile.
# curthread is the thread pointer at %gs:0; thread structures are 64-byte
# aligned, so the three flag bits are free. TD_IS_RUNNING(td) is, in the
# kernel model, "td's last CPU runs td": td->+8 (t_cpu) ->+0 == td.
#
# One turnstile chain serves every mutex: its lock, turnstile_chain, is a
# FreeBSD spin mutex (mtx_lock_spin/mtx_unlock_spin below); a mutex's
# turnstile queue is keyed by the mutex's address. turnstile_wait drops the
# chain lock as the thread goes to sleep (__turnstile_block does both in
# one step); turnstile_broadcast + turnstile_unpend is __futex_wake of every
# sleeper on the queue.
        .equ MTX_UNOWNED, 0
        .equ MTX_RECURSED, 1
        .equ MTX_CONTESTED, 2
        .equ MTX_OWNER_MASK, -8          # ~MTX_FLAGMASK
        .equ TD_CPU, 8                   # thread structure: its CPU's area
        .equ PC_CURTHREAD, 0             # CPU area: the thread it runs
        .data
        .globl turnstile_chain
        .p2align 6
turnstile_chain:                         # the chain's tc_lock (spin mutex word)
        .quad 0
        .text

# _mtx_lock(%rdi = m): __mtx_lock. LOCK'd: the cmpxchgq MTX_UNOWNED ->
# curthread (_mtx_obtain_lock_fetch). On failure %rax holds the value the
# cmpxchg saw, which is handed to the slow path as its v.
        .globl _mtx_lock
_mtx_lock:
        movq %gs:0, %rdx                 # tid = curthread
        xorl %eax, %eax                  # expect MTX_UNOWNED
        lock cmpxchgq %rdx, (%rdi)
        jnz 1f
        ret
1:      movq %rax, %rsi                  # v as seen by the failed fcmpset
        jmp __mtx_lock_sleep

# td_is_running(%rdi = td) -> %eax = 1 if td is on a CPU now. Plain loads:
# the answer is only a hint (spin or block); correctness rests on the
# chain lock and the compare-and-set of MTX_CONTESTED, not on it.
        .globl td_is_running
td_is_running:
        movq TD_CPU(%rdi), %rax          # td's CPU area (0: never ran)
        testq %rax, %rax
        jz 1f
        cmpq %rdi, PC_CURTHREAD(%rax)
        jne 1f
        movl $1, %eax
        ret
1:      xorl %eax, %eax
        ret

# __mtx_lock_sleep(%rdi = m, %rsi = v). LOCK'd: the fcmpset that takes a
# free lock, the chain lock's cmpxchgq, the MTX_CONTESTED compare-and-set
# (mtx_set_contested). Spins while the owner runs; otherwise takes the
# chain lock, re-reads the word and either backs out (released meanwhile,
# or the owner is back on a CPU) or marks the lock contested on exactly
# the value it checked and blocks on the turnstile.
        .globl __mtx_lock_sleep
__mtx_lock_sleep:
        pushq %rbx
        pushq %r12
        pushq %r13
        movq %rdi, %rbx                  # m
        movq %rsi, %r12                  # v
        movq %gs:0, %r13                 # tid
        testq %r12, %r12
        jnz 1f
        movq (%rbx), %r12                # v == MTX_UNOWNED: MTX_READ_VALUE
1:      movq %r12, %rax                  # lv_mtx_owner(v) == tid would be a
        andq $MTX_OWNER_MASK, %rax       # recursion: not allowed here
        cmpq %r13, %rax
        setne %dil
        movzbq %dil, %rdi
        call __assert
.Lloop:                                  # for (;;)
        testq %r12, %r12
        jnz .Lowned
        xorl %eax, %eax                  # v == MTX_UNOWNED: try to take it
        lock cmpxchgq %r13, (%rbx)       # _mtx_obtain_lock_fetch
        jz .Ldone
        movq %rax, %r12                  # lost the race: v = what it saw
        jmp .Lloop
.Lowned:
        movq %r12, %rdi
        andq $MTX_OWNER_MASK, %rdi
        call td_is_running
        testl %eax, %eax
        jz .Ltrywait
.Lspin:                                  # adaptive spin while the owner runs
        pause
        movq (%rbx), %r12                # plain re-read
        testq %r12, %r12
        jz .Lloop
        movq %r12, %rdi
        andq $MTX_OWNER_MASK, %rdi
        call td_is_running
        testl %eax, %eax
        jnz .Lspin
        jmp .Lloop
.Ltrywait:
        leaq turnstile_chain(%rip), %rdi # turnstile_trywait: chain lock first,
        call mtx_lock_spin
        movq (%rbx), %r12                # then re-read the word under it
.Lretry_turnstile:
        testq %r12, %r12
        jz .Lcancel                      # released while we took the chain lock
        movq %r12, %rdi
        andq $MTX_OWNER_MASK, %rdi
        call td_is_running
        testl %eax, %eax
        jnz .Lcancel                     # owner back on a CPU: go spin instead
        testq $MTX_CONTESTED, %r12
        jnz .Lwait                       # already marked: just queue
        movq %rbx, %rdi
        movq %r12, %rsi
        call mtx_set_contested           # %rax == v iff the bit went on v
        cmpq %rax, %r12
        je .Lwait
        movq %rax, %r12                  # the word changed: re-judge it
        jmp .Lretry_turnstile
.Lwait:                                  # turnstile_wait: sleep on m's queue,
        movq %rbx, %rdi                  # dropping the chain lock in the
        leaq turnstile_chain(%rip), %rsi # same step
        movl $8, %edx
        call __turnstile_block
        movq (%rbx), %r12                # woken: v = MTX_READ_VALUE, retry
        jmp .Lloop
.Lcancel:
        leaq turnstile_chain(%rip), %rdi # turnstile_cancel: drop the chain lock
        call mtx_unlock_spin
        jmp .Lloop                       # continue with the v just read
.Ldone:
        popq %r13
        popq %r12
        popq %rbx
        ret

# __mtx_unlock_sleep(%rdi = m, %rsi = v the release fast path saw). LOCK'd:
# the retried release cmpxchgq and the chain lock's cmpxchgq. Under the
# chain lock the word is cleared with a plain store
# (_mtx_release_lock_quick): no waiter can be between "checked the word"
# and "asleep" while we hold the chain lock, and the store reaches memory
# before the wake-up's barrier. Then every waiter on m's queue is woken
# (turnstile_broadcast, turnstile_unpend) and the chain lock dropped.
        .globl __mtx_unlock_sleep
__mtx_unlock_sleep:
        pushq %rbx
        movq %rdi, %rbx
        movq %gs:0, %rdx                 # tid
        cmpq %rdx, %rsi
        jne 1f
        movq (%rbx), %rsi                # v == tid: MTX_READ_VALUE
1:      movq %rsi, %rax                  # must own it, and never recursed
        andq $~MTX_CONTESTED, %rax
        cmpq %rdx, %rax
        sete %dil
        movzbq %dil, %rdi
        call __assert
        cmpq %rdx, %rsi
        jne 2f
        movq %rdx, %rax                  # v == tid: no flag after all, try the
        xorl %ecx, %ecx                  # plain _mtx_release_lock once more
        lock cmpxchgq %rcx, (%rbx)
        jz 3f
2:      leaq turnstile_chain(%rip), %rdi # turnstile_chain_lock
        call mtx_lock_spin
        movq $MTX_UNOWNED, (%rbx)        # _mtx_release_lock_quick: plain store
        movq %rbx, %rdi                  # turnstile_lookup + broadcast + unpend:
        movl $0x7fffffff, %esi           # wake every thread on m's queue
        call __futex_wake
        leaq turnstile_chain(%rip), %rdi # turnstile_chain_unlock
        call mtx_unlock_spin
3:      popq %rbx
        ret

# mtx_lock_spin(%rdi = m): a FreeBSD spin mutex (__mtx_lock_spin and
# _mtx_lock_spin_cookie, without spinlock_enter: the kernel model cannot
# mask preemption, so a holder may be switched out). LOCK'd: the cmpxchgq
# MTX_UNOWNED -> curthread; the wait between tries is plain loads.
        .globl mtx_lock_spin
mtx_lock_spin:
        movq %gs:0, %rdx
1:      xorl %eax, %eax
        lock cmpxchgq %rdx, (%rdi)
        jz 3f
2:      pause
        cmpq $MTX_UNOWNED, (%rdi)
        jne 2b
        jmp 1b
3:      ret

# mtx_unlock_spin(%rdi = m): _mtx_release_lock_quick, a plain store (a store
# has release semantics on x86; atomic_store_rel_ptr is just movq).
        .globl mtx_unlock_spin
mtx_unlock_spin:
        movq $MTX_UNOWNED, (%rdi)
        ret
