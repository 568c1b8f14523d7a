# Linux wait queues, v2.6.2x to v3.x (kernel/wait.c and kernel/sched.c):
# prepare_to_wait, finish_wait, autoremove_wake_function, __wake_up with
# __wake_up_common, and waitqueue_active from include/linux/wait.h. The
# wait_event() macro, which has no body of its own, is inlined by its
# callers (scenarios/waitqueue.s). Written in assembly as a compiler would
# lay out the C. LOCK'd: the spinlock's xaddw (locks/linux_ticket.s) and the xchgl of
# set_current_state (set_mb); everything else is plain.
#
# wait_queue_head_t: +0 lock, +8 task_list (next, prev).
# wait_queue_t: +0 flags, +8 private (the task), +16 func (called as
# func(wait) here: mode, sync and key are not modelled), +24 task_list.
# task->state: offset 16 of the thread structure (sched.s).
        .equ Q_LIST, 8
        .equ WQ_FLAGS, 0
        .equ WQ_PRIVATE, 8
        .equ WQ_FUNC, 16
        .equ WQ_LIST, 24
        .equ WQ_FLAG_EXCLUSIVE, 1
        .equ NEXT, 0
        .equ PREV, 8
        .equ TASK_STATE, 16
        .equ TASK_RUNNING, 0
        .equ TASK_UNINTERRUPTIBLE, 2
        .text

# prepare_to_wait(%rdi = q, %rsi = wait): under q->lock, queue the entry at
# the head if it is not queued yet, then set_current_state. The xchgl is a
# full barrier, so the entry is in memory before the caller's condition
# test loads: a waker that sets the condition and then (after its own
# barrier) looks at the queue cannot miss both.
        .globl prepare_to_wait
prepare_to_wait:
        pushq %rbx
        pushq %r12
        movq %rdi, %rbx
        movq %rsi, %r12
        andl $~WQ_FLAG_EXCLUSIVE, WQ_FLAGS(%r12)
        movq %rbx, %rdi
        call ticket_spin_lock                   # spin_lock_irqsave(&q->lock)
        leaq WQ_LIST(%r12), %rax         # new = &wait->task_list
        cmpq %rax, NEXT(%rax)            # list_empty(&wait->task_list)?
        jne 1f
        leaq Q_LIST(%rbx), %rcx          # __add_wait_queue: list_add(new, head)
        movq NEXT(%rcx), %rdx            # next = head->next
        movq %rax, PREV(%rdx)            # next->prev = new
        movq %rdx, NEXT(%rax)            # new->next = next
        movq %rcx, PREV(%rax)            # new->prev = head
        movq %rax, NEXT(%rcx)            # head->next = new
1:      movq %gs:0, %rax                 # set_current_state(TASK_UNINTERRUPTIBLE):
        movl $TASK_UNINTERRUPTIBLE, %edx # set_mb, an xchg (implicitly LOCK'd)
        xchgl %edx, TASK_STATE(%rax)
        movq %rbx, %rdi
        call ticket_spin_unlock                 # spin_unlock_irqrestore
        popq %r12
        popq %rbx
        ret

# finish_wait(%rdi = q, %rsi = wait): back to TASK_RUNNING; if a waker did
# not already unlink the entry (autoremove), unlink it under q->lock.
# list_empty_careful reads next and prev, so an entry a waker is still
# re-initialising (next done, prev not yet) is not taken as unlinked and
# the caller's stack frame is not released under the waker's feet.
        .globl finish_wait
finish_wait:
        movq %gs:0, %rax                 # __set_current_state(TASK_RUNNING)
        movl $TASK_RUNNING, TASK_STATE(%rax)
        leaq WQ_LIST(%rsi), %rax
        movq NEXT(%rax), %rdx            # list_empty_careful(&wait->task_list)
        cmpq %rax, %rdx
        jne 1f
        cmpq PREV(%rax), %rdx
        jne 1f
        ret
1:      pushq %rbx
        pushq %r12
        movq %rdi, %rbx
        movq %rsi, %r12
        call ticket_spin_lock
        leaq WQ_LIST(%r12), %rdi
        call list_del_init
        movq %rbx, %rdi
        call ticket_spin_unlock
        popq %r12
        popq %rbx
        ret

# list_del_init(%rdi = entry): unlink, then point the entry at itself.
# Preserves %rax.
        .globl list_del_init
list_del_init:
        movq NEXT(%rdi), %rdx            # next
        movq PREV(%rdi), %rcx            # prev
        movq %rcx, PREV(%rdx)            # next->prev = prev
        movq %rdx, NEXT(%rcx)            # prev->next = next
        movq %rdi, NEXT(%rdi)            # INIT_LIST_HEAD(entry)
        movq %rdi, PREV(%rdi)
        ret

# default_wake_function(%rdi = wait) -> %eax: try_to_wake_up of the task;
# the entry stays queued (its owner unlinks it, as DECLARE_WAITQUEUE users do).
        .globl default_wake_function
default_wake_function:
        pushq %rdi
        movq WQ_PRIVATE(%rdi), %rdi
        call try_to_wake_up
        popq %rdi
        ret

# autoremove_wake_function(%rdi = wait) -> %eax: default_wake_function
# (try_to_wake_up of wait->private), and if that woke it, unlink the entry.
        .globl autoremove_wake_function
autoremove_wake_function:
        pushq %rbx
        movq %rdi, %rbx
        movq WQ_PRIVATE(%rbx), %rdi
        call try_to_wake_up
        testl %eax, %eax
        jz 1f
        leaq WQ_LIST(%rbx), %rdi
        call list_del_init
1:      popq %rbx
        ret

# __wake_up(%rdi = q, %esi = nr_exclusive): wake_up(q) is __wake_up(q,
# TASK_NORMAL, 1, NULL): __wake_up_common under q->lock.
        .globl __wake_up
__wake_up:
        pushq %rdi
        call ticket_spin_lock                   # spin_lock_irqsave(&q->lock)
        movq (%rsp), %rdi
        call __wake_up_common
        popq %rdi
        jmp ticket_spin_unlock           # spin_unlock_irqrestore

# __wake_up_common(%rdi = q, %esi = nr_exclusive), q->lock held (also
# __wake_up_locked). Walk the list the _safe way (the next entry is read
# before the current one's func may unlink it), calling every entry's func;
# stop after nr_exclusive exclusive entries were woken.
        .globl __wake_up_common
__wake_up_common:
        pushq %rbx
        pushq %r12
        pushq %r13
        pushq %r14
        pushq %r15
        movq %rdi, %rbx
        movl %esi, %r12d
        movq Q_LIST+NEXT(%rbx), %r13     # pos = head->next
.Lwake_loop:
        leaq Q_LIST(%rbx), %rax
        cmpq %rax, %r13
        je .Lwake_end
        movq NEXT(%r13), %r14            # n = pos->next
        leaq -WQ_LIST(%r13), %rdi        # curr = container_of(pos)
        movl WQ_FLAGS(%rdi), %r15d       # flags = curr->flags
        call *WQ_FUNC(%rdi)              # curr->func(curr, mode, sync, key)
        testl %eax, %eax
        jz 1f
        testl $WQ_FLAG_EXCLUSIVE, %r15d
        jz 1f
        decl %r12d
        jz .Lwake_end
1:      movq %r14, %r13
        jmp .Lwake_loop
.Lwake_end:
        popq %r15
        popq %r14
        popq %r13
        popq %r12
        popq %rbx
        ret

# waitqueue_active(%rdi = q) -> %eax = 1 if the list is not empty. One
# plain load, no lock: only meaningful after a full barrier that orders the
# caller's condition store before it (or under q->lock).
        .globl waitqueue_active
waitqueue_active:
        leaq Q_LIST(%rdi), %rax
        cmpq %rax, Q_LIST+NEXT(%rdi)
        setne %al
        movzbl %al, %eax
        ret
