# The optimistic spinners' queue of the Linux count mutex, from
# kernel/locking/osq_lock.c (v4.x): osq_lock, osq_unlock, osq_wait_next,
# an MCS lock whose holder is the one spinner allowed to watch the mutex.
#
# Simplifications, both forced by the kernel model:
# * Nodes are per thread, not per CPU: in Linux the spinner runs with
#   preemption disabled, so its CPU's node is in effect its own; here any
#   thread may be preempted and moved anywhere, so the node lives in the
#   thread structure at +16 (scenario `thread_bytes: 16`), and the tail
#   holds the node's address (0: empty) instead of an encoded CPU number.
# * No unqueue: Linux leaves the queue on need_resched() or a preempted
#   predecessor vCPU (the cancellable part, steps A-C of osq_lock), and the
#   model has neither signal, so a queued spinner waits for its hand-off.
#   osq_wait_next's tail-restore branch is kept, as osq_unlock calls it.
#
# Node: +0 next (8 bytes), +8 locked (32 bits).
# LOCK'd: the tail xchgq (publishes the initialised node, and orders the
# hand-off read after the previous holder's critical section), the
# release cmpxchgq, the xchgq that claims the successor. Plain: the link
# store prev->next and the hand-off store next->locked = 1.
        .equ OSQ_NODE, 16
        .equ N_NEXT, 0
        .equ N_LOCKED, 8
        .equ CPU_THREAD, 0
        .text

# osq_lock(%rdi = &tail). Clobbers %rax, %rdx. Always succeeds here.
        .globl osq_lock
osq_lock:
        movq %gs:CPU_THREAD, %rdx
        leaq OSQ_NODE(%rdx), %rdx       # this thread's node
        movl $0, N_LOCKED(%rdx)
        movq $0, N_NEXT(%rdx)
        movq %rdx, %rax
        xchgq %rax, (%rdi)              # become the tail; %rax = predecessor
        testq %rax, %rax
        jz 2f                           # queue was empty: ours
        movq %rdx, N_NEXT(%rax)         # link behind the predecessor
1:      cmpl $0, N_LOCKED(%rdx)         # wait for its hand-off
        jne 2f
        pause
        jmp 1b
2:      ret

# osq_unlock(%rdi = &tail). Clobbers %rax, %rcx, %rdx.
        .globl osq_unlock
osq_unlock:
        movq %gs:CPU_THREAD, %rdx
        leaq OSQ_NODE(%rdx), %rdx
        xorl %ecx, %ecx
        movq %rdx, %rax
        lock cmpxchgq %rcx, (%rdi)      # still the tail: nobody behind, empty it
        je 9f
        xorl %eax, %eax
        xchgq %rax, N_NEXT(%rdx)        # a successor swapped the tail: claim it
        testq %rax, %rax
        jnz 8f
1:      cmpq %rdx, (%rdi)               # osq_wait_next(lock, node, NULL):
        jne 2f                          # the successor has not linked yet
        movq %rdx, %rax
        lock cmpxchgq %rcx, (%rdi)
        je 9f
2:      cmpq $0, N_NEXT(%rdx)
        je 3f
        xorl %eax, %eax
        xchgq %rax, N_NEXT(%rdx)
        testq %rax, %rax
        jnz 8f
3:      pause
        jmp 1b
8:      movl $1, N_LOCKED(%rax)         # hand the queue on: plain store
9:      ret
